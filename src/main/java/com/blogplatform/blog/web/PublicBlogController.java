package com.blogplatform.blog.web;

import com.blogplatform.blog.content.BlogCatalog;
import com.blogplatform.shared.validation.Uppercase;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public reads: single published blogs, lists, and health. Reads are revalidated with an ETag
 * ({@link PublicReadCaching}).
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
	ResponseEntity<ApiResponse<BlogViews.PublicBlog>> byId(@PathVariable BlogId id) {
		return PublicReadCaching.revalidated(ApiResponse.ok("success", BlogViews.PublicBlog.of(blogs.byId(id.value()))));
	}

	@GetMapping("/slug/{slug}")
	ResponseEntity<ApiResponse<BlogViews.PublicBlog>> bySlug(@PathVariable @Size(min = 3, max = 200) String slug) {
		return PublicReadCaching.revalidated(ApiResponse.ok("success", BlogViews.PublicBlog.of(blogs.bySlug(slug))));
	}

	@GetMapping("/list/latest")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> latest(@Valid PageQuery page) {
		return PublicReadCaching.revalidated(ApiResponse.ok("success", BlogViews.ItemBlog.of(blogs.latest(page.paging()))));
	}

	@GetMapping("/list/tag/{tag}")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> tagged(@PathVariable @Uppercase @Size(max = 100) String tag,
			@Valid PageQuery page) {
		return PublicReadCaching.revalidated(ApiResponse.ok("success", BlogViews.ItemBlog.of(blogs.tagged(tag, page.paging()))));
	}

	@GetMapping("/list/similar/id/{id}")
	ResponseEntity<ApiResponse<List<BlogViews.ItemBlog>>> similar(@PathVariable BlogId id) {
		return PublicReadCaching.revalidated(ApiResponse.ok("success", BlogViews.ItemBlog.of(blogs.similar(id.value()))));
	}
}
