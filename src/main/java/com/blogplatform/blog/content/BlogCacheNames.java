package com.blogplatform.blog.content;

/** The caches of public reads and of the authors' and editors' lists. Each has its own key space (the reference shares one between ids and slugs). */
public final class BlogCacheNames {

	public static final String BY_ID = "blog-by-id";

	public static final String BY_SLUG = "blog-by-slug";

	public static final String SIMILAR = "similar-blogs";

	/** Pages of the latest list, by {@code page:limit}. */
	public static final String LATEST = "latest-blogs";

	/** Pages of a tag's list, by {@code tag:page:limit}. */
	public static final String TAGGED = "tagged-blogs";

	/** Pages of an author's and of the editors' lists, by {@code owner:generation:listing:page:limit} ({@link ListPages}). */
	public static final String LIST_PAGES = "list-pages";

	/** The current generation of each owner of {@link #LIST_PAGES}: an author's id, or {@code editors}. */
	public static final String LIST_GENERATIONS = "list-generations";

	private BlogCacheNames() {
	}
}
