package com.blogplatform.blog.web;

import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.blog.content.BlogViews;
import com.blogplatform.blog.content.BlogManagement;
import com.blogplatform.blog.content.Paging;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestParam;
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
		return ApiResponse.ok("blog created successfully", blogs.create(author, request.draft()));
	}

	@PutMapping({ "", "/" })
	ResponseEntity<ApiResponse<BlogViews.PrivateBlog>> update(@AuthenticationPrincipal AuthenticatedUser author,
			@Valid @RequestBody BlogRequests.UpdateBlog request) {
		return ApiResponse.ok("blog updated successfully",
				blogs.update(author, BlogIds.parse(request.id(), "_id"), request.changes()));
	}

	@GetMapping("/id/{id}")
	ResponseEntity<ApiResponse<BlogViews.PrivateBlog>> get(@AuthenticationPrincipal AuthenticatedUser author,
			@PathVariable @Pattern(regexp = BlogIds.LENGTH_24, message = BlogIds.LENGTH_MESSAGE) String id) {
		return ApiResponse.ok("success", blogs.own(author, BlogIds.parse(id, "id"), id));
	}

	@DeleteMapping("/id/{id}")
	ResponseEntity<ApiResponse<Void>> delete(@AuthenticationPrincipal AuthenticatedUser author,
			@PathVariable @Pattern(regexp = BlogIds.LENGTH_24, message = BlogIds.LENGTH_MESSAGE) String id) {
		blogs.delete(author, BlogIds.parse(id, "id"));
		return ApiResponse.ok("blog deleted successfully");
	}

	@PutMapping("/submit/id/{id}")
	ResponseEntity<ApiResponse<Void>> submit(@AuthenticationPrincipal AuthenticatedUser author,
			@PathVariable @Pattern(regexp = BlogIds.LENGTH_24, message = BlogIds.LENGTH_MESSAGE) String id) {
		blogs.submit(author, BlogIds.parse(id, "id"));
		return ApiResponse.ok("blog submitted successfully");
	}

	@PutMapping("/withdraw/id/{id}")
	ResponseEntity<ApiResponse<Void>> withdraw(@AuthenticationPrincipal AuthenticatedUser author,
			@PathVariable @Pattern(regexp = BlogIds.LENGTH_24, message = BlogIds.LENGTH_MESSAGE) String id) {
		blogs.withdraw(author, BlogIds.parse(id, "id"));
		return ApiResponse.ok("blog withdrawn successfully");
	}

	@GetMapping("/drafts")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> drafts(@AuthenticationPrincipal AuthenticatedUser author,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int page,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int limit) {
		return ApiResponse.ok("success", blogs.authorList(author, BlogManagement.Listing.DRAFTS, new Paging(page, limit)));
	}

	@GetMapping("/submitted")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> submitted(@AuthenticationPrincipal AuthenticatedUser author,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int page,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int limit) {
		return ApiResponse.ok("success", blogs.authorList(author, BlogManagement.Listing.SUBMITTED, new Paging(page, limit)));
	}

	@GetMapping("/published")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> published(@AuthenticationPrincipal AuthenticatedUser author,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int page,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int limit) {
		return ApiResponse.ok("success", blogs.authorList(author, BlogManagement.Listing.PUBLISHED, new Paging(page, limit)));
	}
}
