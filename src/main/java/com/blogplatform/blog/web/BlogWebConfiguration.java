package com.blogplatform.blog.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How blog's routes bind their parameters (ids as {@link BlogId}, list pages as {@link PageQuery}) and
 * write the public reads' rendered answers ({@link RenderedJson}).
 */
@Configuration(proxyBeanMethods = false)
class BlogWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, BlogId.class, BlogId::parse);
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.addCustomConverter(new RenderedJson.Converter());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageQueryResolver());
	}
}
