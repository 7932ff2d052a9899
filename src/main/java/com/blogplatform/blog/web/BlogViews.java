package com.blogplatform.blog.web;

import com.blogplatform.auth.UserProfile;
import com.blogplatform.blog.content.AuthoredBlog;
import com.blogplatform.blog.content.Blog;
import com.blogplatform.blog.content.BlogSummary;
import com.blogplatform.blog.content.PublishedBlog;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reference's blog payloads, mapped from what blog's domain returns. Absent optional fields are
 * omitted (JSON inclusion non-null).
 */
final class BlogViews {

	private BlogViews() {
	}

	/** The author as a blog shows them: never the e-mail. */
	record InfoAuthor(@JsonProperty("_id") UUID id, String name, String profilePicUrl) {

		static InfoAuthor of(UserProfile profile) {
			return new InfoAuthor(profile.id(), profile.name(), profile.profilePicUrl());
		}
	}

	/** What authors and editors see: the draft and the workflow flags. */
	record PrivateBlog(@JsonProperty("_id") String id, String title, String description, String text,
			String draftText, String slug, InfoAuthor author, String imgUrl, double score, List<String> tags,
			boolean submitted, boolean drafted, boolean published, Instant publishedAt, Instant createdAt,
			Instant updatedAt) {

		static PrivateBlog of(AuthoredBlog authored) {
			Blog blog = authored.blog();
			return new PrivateBlog(blog.hex(), blog.title(), blog.description(), blog.text(), blog.draftText(), blog.slug(),
					InfoAuthor.of(authored.author()), blog.imgUrl(), blog.score(), blog.tags(), blog.submitted(),
					blog.drafted(), blog.published(), blog.publishedAt(), blog.createdAt(), blog.updatedAt());
		}
	}

	/** What the public sees of a published blog: the published text, never the draft. */
	record PublicBlog(@JsonProperty("_id") String id, String title, String description, String text, String slug,
			InfoAuthor author, String imgUrl, double score, List<String> tags, Instant publishedAt) {

		static PublicBlog of(PublishedBlog blog) {
			return new PublicBlog(blog.id(), blog.title(), blog.description(), blog.text(), blog.slug(),
					InfoAuthor.of(blog.author()), blog.imgUrl(), blog.score(), blog.tags(), blog.publishedAt());
		}
	}

	/** A list entry. */
	record ItemBlog(@JsonProperty("_id") String id, String title, String description, String slug, String imgUrl,
			double score, List<String> tags) {

		static List<ItemBlog> of(List<BlogSummary> blogs) {
			return blogs.stream()
				.map(blog -> new ItemBlog(blog.id(), blog.title(), blog.description(), blog.slug(), blog.imgUrl(),
						blog.score(), blog.tags()))
				.toList();
		}
	}
}
