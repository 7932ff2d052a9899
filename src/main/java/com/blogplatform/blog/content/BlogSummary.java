package com.blogplatform.blog.content;

import java.util.List;

/**
 * A blog as a list shows it. A plain snapshot, so the cache can keep it.
 * @param id the blog's id in hex
 */
public record BlogSummary(String id, String title, String description, String slug, String imgUrl, double score,
		List<String> tags) {

	static BlogSummary of(Blog blog) {
		return new BlogSummary(blog.hex(), blog.title(), blog.description(), blog.slug(), blog.imgUrl(), blog.score(),
				blog.tags());
	}

	static List<BlogSummary> listOf(List<Blog> blogs) {
		return blogs.stream().map(BlogSummary::of).toList();
	}
}
