package com.blogplatform.blog.content;

/** The caches of public reads. Each has its own key space (the reference shares one between ids and slugs). */
public final class BlogCacheNames {

	public static final String BY_ID = "blog-by-id";

	public static final String BY_SLUG = "blog-by-slug";

	public static final String SIMILAR = "similar-blogs";

	/** Pages of the latest list, by {@code page:limit}. */
	public static final String LATEST = "latest-blogs";

	/** Pages of a tag's list, by {@code tag:page:limit}. */
	public static final String TAGGED = "tagged-blogs";

	private BlogCacheNames() {
	}
}
