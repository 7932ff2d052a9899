package com.blogplatform.blog.content;

/** The caches of public reads. Each has its own key space (the reference shares one between ids and slugs). */
public final class BlogCacheNames {

	public static final String BY_ID = "blog-by-id";

	public static final String BY_SLUG = "blog-by-slug";

	public static final String SIMILAR = "similar-blogs";

	private BlogCacheNames() {
	}
}
