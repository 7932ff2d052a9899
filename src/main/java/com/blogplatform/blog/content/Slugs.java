package com.blogplatform.blog.content;

/**
 * The reference's slug normalization, kept so existing links resolve the same way: spaces are
 * removed, {@code /} becomes {@code -}, {@code ?} is removed; nothing else changes
 * ({@code "my blog/one?"} becomes {@code "myblog-one"}).
 */
final class Slugs {

	static final int MIN = 3;

	static final int MAX = 200;

	private Slugs() {
	}

	static String normalize(String slug) {
		return slug.replace(" ", "").replace("/", "-").replace("?", "");
	}
}
