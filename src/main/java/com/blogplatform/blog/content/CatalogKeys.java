package com.blogplatform.blog.content;

import java.lang.reflect.Method;
import java.util.StringJoiner;
import org.bson.types.ObjectId;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.stereotype.Component;

/**
 * The keys of {@link BlogCatalog}'s caches, built without evaluating an expression on every read: the
 * arguments joined with {@code ':'}, an id as its hex string and a page as {@code page:limit}. So a
 * blog is {@code <hex id>} or {@code <slug>}, a page of the latest list {@code 1:10}, of a tag's list
 * {@code GENERAL:1:10}, the keys {@code BlogCacheEvictions} names when a blog changes.
 */
@Component(CatalogKeys.NAME)
class CatalogKeys implements KeyGenerator {

	static final String NAME = "catalogKeys";

	@Override
	public Object generate(Object target, Method method, Object... params) {
		return of(params);
	}

	static String of(Object... params) {
		if (params.length == 1 && params[0] instanceof String text) {
			return text;
		}
		StringJoiner key = new StringJoiner(":");
		for (Object param : params) {
			switch (param) {
				case ObjectId id -> key.add(id.toHexString());
				case Paging page -> key.add(Integer.toString(page.page())).add(Integer.toString(page.limit()));
				case null -> throw new IllegalArgumentException("a cache key has no null part");
				default -> key.add(param.toString());
			}
		}
		return key.toString();
	}
}
