package com.blogplatform.blog.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a route words a missing blog, where the reference does not say {@code "blog not found"}:
 * {@code %s} is the blog's id in hex. Read by {@link BlogFailureHandler}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface NotFoundMessage {

	String value();
}
