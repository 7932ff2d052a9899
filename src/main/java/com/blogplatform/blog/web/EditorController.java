package com.blogplatform.blog.web;

import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.blog.content.BlogViews;
import com.blogplatform.blog.content.BlogManagement;
import com.blogplatform.blog.content.Paging;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
	ResponseEntity<ApiResponse<BlogViews.PrivateBlog>> get(
			@PathVariable @Pattern(regexp = BlogIds.LENGTH_24, message = BlogIds.LENGTH_MESSAGE) String id) {
		return ApiResponse.ok("success", blogs.review(BlogIds.parse(id, "id")));
	}

	@PutMapping("/publish/id/{id}")
	ResponseEntity<ApiResponse<Void>> publish(@AuthenticationPrincipal AuthenticatedUser editor,
			@PathVariable @Pattern(regexp = BlogIds.LENGTH_24, message = BlogIds.LENGTH_MESSAGE) String id) {
		blogs.publish(editor, BlogIds.parse(id, "id"));
		return ApiResponse.ok("blog published successfully");
	}

	@PutMapping("/unpublish/id/{id}")
	ResponseEntity<ApiResponse<Void>> unpublish(@AuthenticationPrincipal AuthenticatedUser editor,
			@PathVariable @Pattern(regexp = BlogIds.LENGTH_24, message = BlogIds.LENGTH_MESSAGE) String id) {
		blogs.unpublish(editor, BlogIds.parse(id, "id"));
		return ApiResponse.ok("blog unpublished successfully");
	}

	@GetMapping("/submitted")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> submitted(
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int page,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int limit) {
		return ApiResponse.ok("success", blogs.editorList(BlogManagement.Listing.SUBMITTED, new Paging(page, limit)));
	}

	@GetMapping("/published")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> published(
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int page,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int limit) {
		return ApiResponse.ok("success", blogs.editorList(BlogManagement.Listing.PUBLISHED, new Paging(page, limit)));
	}
}
