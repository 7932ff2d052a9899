package com.blogplatform.blog.web;

import com.blogplatform.shared.web.ApiException;
import org.bson.types.ObjectId;

/** Path ids: 24 characters (checked by the path rules), and hex, else a 400 (the reference silently turns them into the zero id). */
final class BlogIds {

	static final String LENGTH_24 = "^.{24}$";

	static final String LENGTH_MESSAGE = "must be of length 24";

	private BlogIds() {
	}

	static ObjectId parse(String id, String name) {
		if (!ObjectId.isValid(id)) {
			throw ApiException.badRequest(name + " is invalid");
		}
		return new ObjectId(id);
	}
}
