package com.blogplatform.blog.web;

import com.blogplatform.auth.Role;
import com.blogplatform.shared.web.ApiDocumentation;
import io.swagger.v3.oas.models.Operation;
import java.util.Arrays;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

/**
 * blog's OpenAPI document, {@code GET /blog/v3/api-docs}: what {@link ApiDocumentation} derives for
 * every route, plus what only blog knows, read from the handler: a route that names a blog (a
 * {@link BlogId}, the slug, or a {@link NotFoundMessage}) answers 404 when there is none, and a
 * change to an existing blog answers 409 when another one won the race.
 */
@Configuration(proxyBeanMethods = false)
class BlogApiDocumentation {

	static {
		// A public read's schema is what its rendered bytes are: ApiResponse<PublicBlog>, not a wrapper.
		SpringDocUtils.getConfig().addResponseWrapperToIgnore(RenderedJson.class);
	}

	@Bean
	GroupedOpenApi blogApi(ApiDocumentation documentation) {
		return documentation
			.module("blog", "Blog", "Blogs: public reads and lists, the author's drafts and the editor's review and publication.",
					Arrays.stream(Role.values()).map(Role::name).toList())
			.addOperationCustomizer(BlogApiDocumentation::failures)
			.build();
	}

	private static Operation failures(Operation operation, HandlerMethod handler) {
		boolean namesBlog = handler.hasMethodAnnotation(NotFoundMessage.class)
				|| Arrays.stream(handler.getMethodParameters()).anyMatch(BlogApiDocumentation::namesBlog);
		if (namesBlog) {
			ApiDocumentation.failure(operation, 404, "No such blog (or not visible to the caller).", "blog not found");
			if (!isRead(handler)) {
				ApiDocumentation.failure(operation, 409, "The blog was changed concurrently: read it again and retry.",
						"blog was changed concurrently, reload it and try again");
			}
		}
		return operation;
	}

	private static boolean namesBlog(MethodParameter parameter) {
		PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
		return parameter.getParameterType() == BlogId.class
				|| (variable != null && "slug".equals(parameter.getParameterName()));
	}

	private static boolean isRead(HandlerMethod handler) {
		return handler.hasMethodAnnotation(GetMapping.class);
	}
}
