package com.blogplatform.blog.content;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A page of a list as the contract asks for it: 1-based {@code page}, {@code limit} entries.
 */
public record Paging(int page, int limit) {

	public static final int MAX_LIMIT = 1000;

	/** Newest first, with a tie-breaker, so pages are stable (the reference's author and editor lists have no order). */
	static final Sort RECENT_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("score"), Sort.Order.desc("_id"));

	Pageable pageable() {
		return PageRequest.of(page - 1, limit, RECENT_FIRST);
	}
}
