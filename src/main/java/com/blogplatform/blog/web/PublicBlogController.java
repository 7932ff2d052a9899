package com.blogplatform.blog.web;

import com.blogplatform.blog.content.BlogViews;
import com.blogplatform.blog.content.Paging;
import com.blogplatform.blog.content.BlogCatalog;
import com.blogplatform.shared.validation.Uppercase;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public reads: single published blogs, lists, and health.
 */
@RestController
@RequestMapping("/blog")
class PublicBlogController {

	private final BlogCatalog blogs;

	PublicBlogController(BlogCatalog blogs) {
		this.blogs = blogs;
	}

	record Health(Instant timestamp, String status) {
	}

	@GetMapping("/health")
	ResponseEntity<ApiResponse<Health>> health() {
		return ApiResponse.ok("success", new Health(Instant.now(), "OK"));
	}

	@GetMapping("/id/{id}")
	ResponseEntity<ApiResponse<BlogViews.PublicBlog>> byId(
			@PathVariable @Pattern(regexp = BlogIds.LENGTH_24, message = BlogIds.LENGTH_MESSAGE) String id) {
		return ApiResponse.ok("success", blogs.byId(BlogIds.parse(id, "id")));
	}

	@GetMapping("/slug/{slug}")
	ResponseEntity<ApiResponse<BlogViews.PublicBlog>> bySlug(@PathVariable @Size(min = 3, max = 200) String slug) {
		return ApiResponse.ok("success", blogs.bySlug(slug));
	}

	@GetMapping("/list/latest")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> latest(
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int page,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int limit) {
		return ApiResponse.ok("success", blogs.latest(new Paging(page, limit)));
	}

	@GetMapping("/list/tag/{tag}")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> tagged(@PathVariable @Uppercase @Size(max = 100) String tag,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int page,
			@RequestParam @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int limit) {
		return ApiResponse.ok("success", blogs.tagged(tag, new Paging(page, limit)));
	}

	@GetMapping("/list/similar/id/{id}")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> similar(
			@PathVariable @Pattern(regexp = BlogIds.LENGTH_24, message = BlogIds.LENGTH_MESSAGE) String id) {
		return ApiResponse.ok("success", blogs.similar(BlogIds.parse(id, "id")));
	}
}
