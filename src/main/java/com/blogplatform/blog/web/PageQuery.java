package com.blogplatform.blog.web;

import com.blogplatform.blog.content.Paging;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The page of a list a request asks for, {@code ?page=&limit=}: both required, integers from 1 to
 * {@value Paging#MAX_LIMIT}. Declared {@code @Valid PageQuery page}; bound by
 * {@link PageQueryResolver}; documented as its two query parameters ({@link ParameterObject}).
 */
@ParameterObject
record PageQuery(@Parameter(required = true) @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int page,
		@Parameter(required = true) @Min(value = 1, message = "must be min 1") @Max(value = Paging.MAX_LIMIT, message = "must be max1000") int limit) {

	Paging paging() {
		return new Paging(page, limit);
	}
}
