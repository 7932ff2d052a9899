package com.blogplatform.blog.web;

import com.blogplatform.blog.content.Blog;
import com.blogplatform.blog.content.BlogFailure;
import com.blogplatform.blog.content.BlogFailure.AuthUnavailable;
import com.blogplatform.blog.content.BlogFailure.AuthorNotFound;
import com.blogplatform.blog.content.BlogFailure.BlogNotFound;
import com.blogplatform.blog.content.BlogFailure.ConcurrentChange;
import com.blogplatform.blog.content.BlogFailure.InvalidSlug;
import com.blogplatform.blog.content.BlogFailure.SlugTaken;
import com.blogplatform.shared.web.ApiResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * What blog's domain refuses, in the envelope: the status of each {@link BlogFailure}, with its
 * message, or for a missing blog the route's own wording ({@link NotFoundMessage}). Only for blog's
 * controllers, and ahead of the shared handler, which answers everything else.
 */
@RestControllerAdvice(basePackageClasses = BlogFailureHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BlogFailureHandler {

	@ExceptionHandler(BlogFailure.class)
	ResponseEntity<ApiResponse<Void>> refused(BlogFailure failure, HandlerMethod route) {
		HttpStatus status = switch (failure) {
			case BlogNotFound ignored -> HttpStatus.NOT_FOUND;
			case AuthorNotFound ignored -> HttpStatus.NOT_FOUND;
			case Blog.IllegalTransition ignored -> HttpStatus.BAD_REQUEST;
			case SlugTaken ignored -> HttpStatus.BAD_REQUEST;
			case InvalidSlug ignored -> HttpStatus.BAD_REQUEST;
			case ConcurrentChange ignored -> HttpStatus.CONFLICT;
			case AuthUnavailable ignored -> HttpStatus.SERVICE_UNAVAILABLE;
		};
		NotFoundMessage wording = route.getMethodAnnotation(NotFoundMessage.class);
		String message = failure instanceof BlogNotFound notFound && wording != null
				? wording.value().formatted(notFound.id().toHexString())
				: failure.getMessage();
		return ResponseEntity.status(status).body(ApiResponse.failure(status, message));
	}
}
