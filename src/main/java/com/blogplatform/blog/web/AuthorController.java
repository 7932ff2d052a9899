package com.blogplatform.blog.web;

import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.blog.content.AuthoredBlog;
import com.blogplatform.blog.content.BlogManagement;
import com.blogplatform.blog.content.BlogManagement.Listing;
import com.blogplatform.shared.web.ApiException;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An author's own blogs (role AUTHOR). Create and update answer on {@code /blog/author/} as in the
 * reference, and on {@code /blog/author} too instead of redirecting.
 */
@RestController
@RequestMapping("/blog/author")
class AuthorController {

	private final BlogManagement blogs;

	AuthorController(BlogManagement blogs) {
		this.blogs = blogs;
	}

	@PostMapping({ "", "/" })
	ResponseEntity<ApiResponse<BlogViews.PrivateBlog>> create(@AuthenticationPrincipal AuthenticatedUser author,
			@Valid @RequestBody BlogRequests.CreateBlog request) {
		return ApiResponse.ok("blog created successfully", BlogViews.PrivateBlog.of(blogs.create(author, request.draft())));
	}

	@PutMapping({ "", "/" })
	@NotFoundMessage("Blog with id: %s does not exists")
	ResponseEntity<ApiResponse<BlogViews.PrivateBlog>> update(@AuthenticationPrincipal AuthenticatedUser author,
			@Valid @RequestBody BlogRequests.UpdateBlog request) {
		AuthoredBlog updated = blogs.update(author, request.blogId(), request.changes());
		return ApiResponse.ok("blog updated successfully", BlogViews.PrivateBlog.of(updated));
	}

	@GetMapping("/id/{id}")
	ResponseEntity<ApiResponse<BlogViews.PrivateBlog>> get(@AuthenticationPrincipal AuthenticatedUser author,
			@PathVariable BlogId id) {
		AuthoredBlog own = blogs.own(author, id.value()).orElseThrow(() -> ApiException.notFound(id + " not found"));
		return ApiResponse.ok("success", BlogViews.PrivateBlog.of(own));
	}

	@DeleteMapping("/id/{id}")
	ResponseEntity<ApiResponse<Void>> delete(@AuthenticationPrincipal AuthenticatedUser author, @PathVariable BlogId id) {
		blogs.delete(author, id.value());
		return ApiResponse.ok("blog deleted successfully");
	}

	@PutMapping("/submit/id/{id}")
	ResponseEntity<ApiResponse<Void>> submit(@AuthenticationPrincipal AuthenticatedUser author, @PathVariable BlogId id) {
		blogs.submit(author, id.value());
		return ApiResponse.ok("blog submitted successfully");
	}

	@PutMapping("/withdraw/id/{id}")
	ResponseEntity<ApiResponse<Void>> withdraw(@AuthenticationPrincipal AuthenticatedUser author, @PathVariable BlogId id) {
		blogs.withdraw(author, id.value());
		return ApiResponse.ok("blog withdrawn successfully");
	}

	@GetMapping("/drafts")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> drafts(@AuthenticationPrincipal AuthenticatedUser author,
			@Valid PageQuery page) {
		return list(author, Listing.DRAFTS, page);
	}

	@GetMapping("/submitted")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> submitted(@AuthenticationPrincipal AuthenticatedUser author,
			@Valid PageQuery page) {
		return list(author, Listing.SUBMITTED, page);
	}

	@GetMapping("/published")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> published(@AuthenticationPrincipal AuthenticatedUser author,
			@Valid PageQuery page) {
		return list(author, Listing.PUBLISHED, page);
	}

	private ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> list(AuthenticatedUser author, Listing listing,
			PageQuery page) {
		return ApiResponse.ok("success", BlogViews.ItemBlog.of(blogs.authorList(author, listing, page.paging())));
	}
}
