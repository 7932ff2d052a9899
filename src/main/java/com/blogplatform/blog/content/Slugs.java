package com.blogplatform.blog.content;

import java.util.regex.Pattern;

/**
 * The reference's slug normalization, kept so existing links resolve the same way: spaces are
 * removed, {@code /} becomes {@code -}, {@code ?} is removed; nothing else changes
 * ({@code "my blog/one?"} becomes {@code "myblog-one"}).
 */
final class Slugs {

	static final int MIN = 3;

	static final int MAX = 200;

	/** What a new slug may be made of: the unreserved characters of a URL, so a slug never needs escaping. */
	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

	private Slugs() {
	}

	/** Whether a normalized slug is made of safe characters only (slugs stored before this rule still resolve). */
	static boolean isSafe(String slug) {
		return SAFE.matcher(slug).matches();
	}

	static String normalize(String slug) {
		return slug.replace(" ", "").replace("/", "-").replace("?", "");
	}
}
