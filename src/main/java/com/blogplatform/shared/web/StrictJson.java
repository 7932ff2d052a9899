package com.blogplatform.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a number is not silently turned into a string (or the reverse),
 * and an object where a string belongs ({@code {"$gt": ""}}) is a type error. Unknown fields are
 * rejected by {@code spring.jackson.deserialization.fail-on-unknown-properties}. Each becomes a 400.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	/**
	 * The largest JSON document read: ten times the largest valid request (a blog draft of 50,000
	 * characters), so no request can make the server buffer megabytes. Larger bodies get 413.
	 */
	static final long MAX_DOCUMENT_BYTES = 512 * 1024;

	@Bean
	JsonFactoryBuilderCustomizer boundedDocuments() {
		return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
			.maxDocumentLength(MAX_DOCUMENT_BYTES)
			.maxNestingDepth(64)
			.build());
	}

	@Bean
	JsonMapperBuilderCustomizer strictScalarCoercion() {
		return builder -> builder
			.withCoercionConfig(LogicalType.Textual, config -> config
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer, config -> config
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean, config -> config
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}
}
