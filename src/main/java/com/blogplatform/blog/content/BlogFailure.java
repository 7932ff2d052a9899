package com.blogplatform.blog.content;

import org.bson.types.ObjectId;

/**
 * What blog's domain refuses, in its own terms: each failure says why in the words the API shows,
 * and carries what a differently worded message needs. Which status each answers is the web
 * layer's business. Expected outcomes, not bugs: no stack traces.
 */
public abstract sealed class BlogFailure extends RuntimeException permits BlogFailure.BlogNotFound,
		BlogFailure.AuthorNotFound, BlogFailure.SlugTaken, BlogFailure.InvalidSlug, BlogFailure.ConcurrentChange,
		BlogFailure.AuthUnavailable, Blog.IllegalTransition {

	BlogFailure(String message) {
		super(message, null, false, false);
	}

	/**
	 * No such blog within the caller's reach: an author's own, any not deleted for an editor, a
	 * published one for the public. Its {@link #id()} is {@code null} where it was looked up by slug.
	 */
	public static final class BlogNotFound extends BlogFailure {

		private final ObjectId id;

		BlogNotFound(ObjectId id) {
			super("blog not found");
			this.id = id;
		}

		public ObjectId id() {
			return id;
		}
	}

	/** A published blog whose author auth does not know. */
	public static final class AuthorNotFound extends BlogFailure {

		AuthorNotFound() {
			super("author not found");
		}
	}

	/** The slug belongs to another blog (a deleted one keeps its slug); {@code null} when a concurrent write took it. */
	public static final class SlugTaken extends BlogFailure {

		SlugTaken(String slug) {
			super("Blog with slug: " + slug + " already exists");
		}
	}

	/** A slug of fewer than {@link Slugs#MIN} or more than {@link Slugs#MAX} characters once normalized, or of unsafe characters. */
	public static final class InvalidSlug extends BlogFailure {

		private InvalidSlug(String message) {
			super(message);
		}

		static InvalidSlug tooShort() {
			return new InvalidSlug("slug must be at least " + Slugs.MIN + " characters");
		}

		static InvalidSlug tooLong() {
			return new InvalidSlug("slug must be at most " + Slugs.MAX + " characters");
		}

		static InvalidSlug unsafe() {
			return new InvalidSlug("slug may contain only letters, digits, '-', '_', '.' and '~'");
		}
	}

	/** Someone changed the blog between this change's read and its write. */
	public static final class ConcurrentChange extends BlogFailure {

		ConcurrentChange() {
			super("blog was changed concurrently, reload it and try again");
		}
	}

	/** auth, which knows the authors, could not be asked. */
	public static final class AuthUnavailable extends BlogFailure {

		AuthUnavailable() {
			super("authentication service unavailable, try again later");
		}
	}
}
