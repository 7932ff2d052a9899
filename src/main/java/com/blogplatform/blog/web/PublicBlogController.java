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
 * Public reads: single published blogs, lists, and health. Reads are rendered once per content and
 * revalidated with an ETag ({@link PublicReadCaching}).
 */
@RestController
@RequestMapping("/blog")
class PublicBlogController {

	private final BlogCatalog blogs;

	private final PublicReadCaching answers;

	PublicBlogController(BlogCatalog blogs, PublicReadCaching answers) {
		this.blogs = blogs;
		this.answers = answers;
	}

	record Health(Instant timestamp, String status) {
	}

	@GetMapping("/health")
	ResponseEntity<ApiResponse<Health>> health() {
		return ApiResponse.ok("success", new Health(Instant.now(), "OK"));
	}

	@GetMapping("/id/{id}")
	RenderedJson<ApiResponse<BlogViews.PublicBlog>> byId(@PathVariable BlogId id) {
		return answers.answer(blogs.byId(id.value()), BlogViews.PublicBlog::of);
	}

	@GetMapping("/slug/{slug}")
	RenderedJson<ApiResponse<BlogViews.PublicBlog>> bySlug(@PathVariable @Size(min = 3, max = 200) String slug) {
		return answers.answer(blogs.bySlug(slug), BlogViews.PublicBlog::of);
	}

	@GetMapping("/list/latest")
	RenderedJson<ApiResponse<List<BlogViews.ItemBlog>>> latest(@Valid PageQuery page) {
		return answers.answer(blogs.latest(page.paging()), BlogViews.ItemBlog::of);
	}

	@GetMapping("/list/tag/{tag}")
	RenderedJson<ApiResponse<List<BlogViews.ItemBlog>>> tagged(@PathVariable @Uppercase @Size(max = 100) String tag,
			@Valid PageQuery page) {
		return answers.answer(blogs.tagged(tag, page.paging()), BlogViews.ItemBlog::of);
	}

	@GetMapping("/list/similar/id/{id}")
	RenderedJson<ApiResponse<List<BlogViews.ItemBlog>>> similar(@PathVariable BlogId id) {
		return answers.answer(blogs.similar(id.value()), BlogViews.ItemBlog::of);
	}
}
