package com.blogplatform.blog.content;

import com.blogplatform.auth.UserProfile;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reference's blog payloads. Absent optional fields are omitted (JSON inclusion non-null).
 */
public final class BlogViews {

	private BlogViews() {
	}

	/** The author as a blog shows them: never the e-mail. */
	public record InfoAuthor(@JsonProperty("_id") UUID id, String name, String profilePicUrl) {

		static InfoAuthor of(UserProfile profile) {
			return new InfoAuthor(profile.id(), profile.name(), profile.profilePicUrl());
		}
	}

	/** What authors and editors see: the draft and the workflow flags. */
	public record PrivateBlog(@JsonProperty("_id") String id, String title, String description, String text,
			String draftText, String slug, InfoAuthor author, String imgUrl, double score, List<String> tags,
			boolean submitted, boolean drafted, boolean published, Instant publishedAt, Instant createdAt,
			Instant updatedAt) {

		static PrivateBlog of(Blog blog, InfoAuthor author) {
			return new PrivateBlog(blog.hex(), blog.title(), blog.description(), blog.text(), blog.draftText(), blog.slug(),
					author, blog.imgUrl(), blog.score(), blog.tags(), blog.submitted(), blog.drafted(), blog.published(),
					blog.publishedAt(), blog.createdAt(), blog.updatedAt());
		}
	}

	/** What the public sees of a published blog: the published text, never the draft. */
	public record PublicBlog(@JsonProperty("_id") String id, String title, String description, String text, String slug,
			InfoAuthor author, String imgUrl, double score, List<String> tags, Instant publishedAt) {

		static PublicBlog of(Blog blog, InfoAuthor author) {
			return new PublicBlog(blog.hex(), blog.title(), blog.description(), blog.text(), blog.slug(), author,
					blog.imgUrl(), blog.score(), blog.tags(), blog.publishedAt());
		}
	}

	/** A list entry. */
	public record ItemBlog(@JsonProperty("_id") String id, String title, String description, String slug, String imgUrl,
			double score, List<String> tags) {

		static ItemBlog of(Blog blog) {
			return new ItemBlog(blog.hex(), blog.title(), blog.description(), blog.slug(), blog.imgUrl(), blog.score(),
					blog.tags());
		}
	}
}
