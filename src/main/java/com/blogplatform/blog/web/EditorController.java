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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Review and publication (role EDITOR), across all authors.
 */
@RestController
@RequestMapping("/blog/editor")
class EditorController {

	private final BlogManagement blogs;

	EditorController(BlogManagement blogs) {
		this.blogs = blogs;
	}

	@GetMapping("/id/{id}")
	ResponseEntity<ApiResponse<BlogViews.PrivateBlog>> get(@PathVariable BlogId id) {
		AuthoredBlog blog = blogs.review(id.value())
			.orElseThrow(() -> ApiException.notFound(id.value().toHexString() + " not found"));
		return ApiResponse.ok("success", BlogViews.PrivateBlog.of(blog));
	}

	@PutMapping("/publish/id/{id}")
	@NotFoundMessage("blog for _id %s not found")
	ResponseEntity<ApiResponse<Void>> publish(@AuthenticationPrincipal AuthenticatedUser editor, @PathVariable BlogId id) {
		blogs.publish(editor, id.value());
		return ApiResponse.ok("blog published successfully");
	}

	@PutMapping("/unpublish/id/{id}")
	@NotFoundMessage("blog for _id %s not found")
	ResponseEntity<ApiResponse<Void>> unpublish(@AuthenticationPrincipal AuthenticatedUser editor, @PathVariable BlogId id) {
		blogs.unpublish(editor, id.value());
		return ApiResponse.ok("blog unpublished successfully");
	}

	@GetMapping("/submitted")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> submitted(@Valid PageQuery page) {
		return ApiResponse.ok("success", BlogViews.ItemBlog.of(blogs.editorList(Listing.SUBMITTED, page.paging())));
	}

	@GetMapping("/published")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> published(@Valid PageQuery page) {
		return ApiResponse.ok("success", BlogViews.ItemBlog.of(blogs.editorList(Listing.PUBLISHED, page.paging())));
	}
}
