package com.blogplatform.blog.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.accept.ContentNegotiationManager;
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

	/** Static: a post-processor, applied to Spring MVC's handler adapter when it is created. */
	@Bean
	static BeanPostProcessor blogRenderedAnswers(ObjectProvider<ContentNegotiationManager> negotiation) {
		return RenderedJson.Writer.first(negotiation);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageQueryResolver());
	}
}
