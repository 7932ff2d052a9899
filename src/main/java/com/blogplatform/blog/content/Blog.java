package com.blogplatform.blog.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A blog and its workflow. The reference's flags ({@code drafted}, {@code submitted},
 * {@code published}, and {@code status} for "not deleted") are kept as stored and as shown, but
 * change only through the legal transitions of {@link State}; anything else is an
 * {@link IllegalTransition}. The version makes concurrent changes fail instead of overwriting
 * each other.
 */
@Document("blogs")
public class Blog {

	/** Where a blog is in its workflow. */
	public enum State {
		DRAFT, SUBMITTED, PUBLISHED, DELETED
	}

	/**
	 * A transition the workflow does not allow from the blog's current state, in the words the API
	 * shows: {@code blog for _id <id> is not submitted}.
	 */
	public static final class IllegalTransition extends BlogFailure {

		IllegalTransition(String id, String reason) {
			super("blog for _id " + id + " " + reason);
		}
	}

	public static final double DEFAULT_SCORE = 0.01;

	@Id
	private ObjectId id;

	private String title;

	private String description;

	private String text;

	private String draftText;

	private List<String> tags;

	private UUID author;

	private String imgUrl;

	private String slug;

	private double score;

	private boolean submitted;

	private boolean drafted;

	private boolean published;

	private boolean status;

	private Instant publishedAt;

	private UUID createdBy;

	private UUID updatedBy;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	protected Blog() {
	}

	static Blog draft(UUID author, String title, String description, String draftText, String slug, String imgUrl,
			List<String> tags, Instant now) {
		Blog blog = new Blog();
		blog.author = author;
		blog.createdBy = author;
		blog.createdAt = now;
		blog.score = DEFAULT_SCORE;
		blog.drafted = true;
		blog.status = true;
		blog.edit(title, description, draftText, slug, imgUrl, tags, author, now);
		return blog;
	}

	public State state() {
		if (!status) {
			return State.DELETED;
		}
		if (published) {
			return State.PUBLISHED;
		}
		return submitted ? State.SUBMITTED : State.DRAFT;
	}

	/** The author hands the draft to the editors. */
	void submit(UUID by, Instant now) {
		switch (state()) {
			case DRAFT -> submitted = true;
			case SUBMITTED -> throw new IllegalTransition(hex(), "is already submitted");
			case PUBLISHED -> throw new IllegalTransition(hex(), "is already published");
			case DELETED -> throw new IllegalTransition(hex(), "is deleted");
		}
		touch(by, now);
	}

	/** The author takes a submitted draft back. */
	void withdraw(UUID by, Instant now) {
		if (state() != State.SUBMITTED) {
			throw new IllegalTransition(hex(), "is not submitted");
		}
		submitted = false;
		touch(by, now);
	}

	/** An editor publishes a submitted draft: its draft text becomes the public text. */
	void publish(UUID editor, Instant now) {
		switch (state()) {
			case PUBLISHED -> throw new IllegalTransition(hex(), "is already published");
			case DRAFT, DELETED -> throw new IllegalTransition(hex(), "is not submitted");
			case SUBMITTED -> {
				drafted = false;
				submitted = false;
				published = true;
				text = draftText;
				if (publishedAt == null) {
					publishedAt = now;
				}
			}
		}
		touch(editor, now);
	}

	/** An editor takes a published blog off the site; it becomes a draft again, its first publication date kept. */
	void unpublish(UUID editor, Instant now) {
		if (state() != State.PUBLISHED) {
			throw new IllegalTransition(hex(), "is not published");
		}
		drafted = true;
		submitted = false;
		published = false;
		touch(editor, now);
	}

	/** Soft delete: the blog leaves every view; its slug stays reserved. */
	void delete(UUID by, Instant now) {
		status = false;
		published = false;
		submitted = false;
		touch(by, now);
	}

	/** Changes the given fields ({@code null} leaves one as it is); the public text changes only on publish. */
	void edit(String title, String description, String draftText, String slug, String imgUrl, List<String> tags, UUID by,
			Instant now) {
		if (title != null) {
			this.title = title;
		}
		if (description != null) {
			this.description = description;
		}
		if (draftText != null) {
			this.draftText = draftText;
		}
		if (slug != null) {
			this.slug = slug;
		}
		if (imgUrl != null) {
			this.imgUrl = imgUrl;
		}
		if (tags != null) {
			this.tags = List.copyOf(tags);
		}
		touch(by, now);
	}

	private void touch(UUID by, Instant now) {
		updatedBy = by;
		updatedAt = now;
	}

	public String hex() {
		return id == null ? null : id.toHexString();
	}

	public ObjectId id() {
		return id;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public String text() {
		return text;
	}

	public String draftText() {
		return draftText;
	}

	public List<String> tags() {
		return tags == null ? List.of() : tags;
	}

	public UUID author() {
		return author;
	}

	public String imgUrl() {
		return imgUrl;
	}

	public String slug() {
		return slug;
	}

	public double score() {
		return score;
	}

	public boolean submitted() {
		return submitted;
	}

	public boolean drafted() {
		return drafted;
	}

	public boolean published() {
		return published;
	}

	public Instant publishedAt() {
		return publishedAt;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}
