package com.blogplatform.blog.web;

import com.blogplatform.blog.content.Paging;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The page of a list a request asks for, {@code ?page=&limit=}: both required, integers from 1 to
 * {@value Paging#MAX_LIMIT}. Declared {@code @Valid PageQuery page}; bound by
 * {@link PageQueryResolver}.
 */
record PageQuery(@Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int page,
		@Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int limit) {

	Paging paging() {
		return new Paging(page, limit);
	}
}
