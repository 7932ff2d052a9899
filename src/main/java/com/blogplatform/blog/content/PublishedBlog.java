package com.blogplatform.blog.content;

import com.blogplatform.auth.UserProfile;
import java.time.Instant;
import java.util.List;

/**
 * What the public may read of a published blog: its published text, never the draft. A plain
 * snapshot, so the cache can keep it.
 * @param id the blog's id in hex
 */
public record PublishedBlog(String id, String title, String description, String text, String slug, UserProfile author,
		String imgUrl, double score, List<String> tags, Instant publishedAt) {

	static PublishedBlog of(Blog blog, UserProfile author) {
		return new PublishedBlog(blog.hex(), blog.title(), blog.description(), blog.text(), blog.slug(), author,
				blog.imgUrl(), blog.score(), blog.tags(), blog.publishedAt());
	}
}
