package com.blogplatform.blog.web;

import com.blogplatform.shared.web.InvalidValueException;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;

/**
 * A blog id as a route carries it ({@code @PathVariable BlogId id}): 24 characters, and hex, else a
 * 400 {@code "id must be of length 24"} or {@code "id is invalid"} (the reference silently turns
 * such ids into the zero id). Bound by {@link #parse}, registered in {@link BlogWebConfiguration}.
 * @param text as the request spells it, which some messages repeat
 */
record BlogId(ObjectId value, String text) {

	private static final Pattern LENGTH_24 = Pattern.compile("^.{24}$");

	static BlogId parse(String text) {
		if (!LENGTH_24.matcher(text).matches()) {
			throw new InvalidValueException("must be of length 24");
		}
		if (!ObjectId.isValid(text)) {
			throw new InvalidValueException("is invalid");
		}
		return new BlogId(new ObjectId(text), text);
	}

	@Override
	public String toString() {
		return text;
	}
}
