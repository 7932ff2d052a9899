package com.blogplatform.shared.web;

import com.blogplatform.shared.validation.MultiLine;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
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
			.build())
			// {"email":"a","email":"b"} is a 400, not "last one wins": a gateway that reads the first
			// and the service the last would disagree on what was sent.
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	@Bean
	JsonMapperBuilderCustomizer strictScalarCoercion() {
		return builder -> builder
			.addModule(new SimpleModule("text-without-control-characters").addDeserializer(String.class, new PlainText()))
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

	/**
	 * Every string of a request body, refused when it holds a control character (a NUL, which
	 * PostgreSQL rejects, or an escape sequence for a terminal that shows a log): 400 "{field} must
	 * not contain control characters". Tab, line feed and carriage return are allowed only in a
	 * property marked {@link MultiLine}; elsewhere they are 400 "{field} must not contain tabs or
	 * line breaks", since a line break in a name or a title breaks log lines, headers and layouts.
	 */
	static final class PlainText extends StringDeserializer {

		private final boolean multiLine;

		PlainText() {
			this(false);
		}

		private PlainText(boolean multiLine) {
			this.multiLine = multiLine;
		}

		/** Called once per property (and per collection of strings, with the collection's property). */
		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
			boolean marked = property != null && property.getAnnotation(MultiLine.class) != null;
			return marked == multiLine ? this : new PlainText(marked);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			// On every string of every body: a plain loop, no stream.
			if (text != null) {
				for (int i = 0; i < text.length(); i++) {
					char character = text.charAt(i);
					if (isLayout(character)) {
						if (!multiLine) {
							throw new ControlCharacter(parser, true);
						}
					}
					else if (isControl(character)) {
						throw new ControlCharacter(parser, false);
					}
				}
			}
			return text;
		}

		/** Raised for such a text; its path names the field. */
		static final class ControlCharacter extends MismatchedInputException {

			private final boolean layout;

			ControlCharacter(JsonParser parser, boolean layout) {
				super(parser, layout ? "tab or line break in a single-line text" : "control character in text", String.class);
				this.layout = layout;
			}

			/** Whether the character is a tab or line break (in a text that must be one line). */
			boolean layout() {
				return layout;
			}
		}

		static boolean isLayout(char character) {
			return character == '\t' || character == '\n' || character == '\r';
		}

		static boolean isControl(char character) {
			return character < 0x20 || character == 0x7f;
		}
	}
}
