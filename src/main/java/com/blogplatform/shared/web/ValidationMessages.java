package com.blogplatform.shared.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.validation.FieldError;

/**
 * Turns constraint violations into the contract's messages: {@code <field> is required},
 * {@code <field> must be at least <n> characters}, ... joined with {@code ", "} in the order the
 * fields are declared. Field names are the JSON names, lower-cased as the reference does
 * ({@code draftText} is reported as {@code drafttext}).
 */
final class ValidationMessages {

	private ValidationMessages() {
	}

	static String ofFieldErrors(List<FieldError> errors, Object target) {
		List<String> order = target == null ? List.of() : declarationOrder(target.getClass());
		return errors.stream()
			.sorted(Comparator.comparingInt((FieldError e) -> position(order, e.getField()))
				.thenComparing(FieldError::getField))
			.map(error -> jsonName(target, error.getField()) + " " + rule(error))
			.distinct()
			.reduce((a, b) -> a + ", " + b)
			.orElse("invalid request");
	}

	static String rule(FieldError error) {
		if (error.contains(ConstraintViolation.class)) {
			return rule(error.unwrap(ConstraintViolation.class));
		}
		return "is invalid";
	}

	static String rule(ConstraintViolation<?> violation) {
		Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
		return switch (constraint) {
			case NotNull ignored -> "is required";
			case NotEmpty ignored -> "is required";
			case NotBlank ignored -> "is required";
			case Email ignored -> "is not a valid email";
			case Size size -> length(violation.getInvalidValue()) < size.min()
					? "must be at least " + size.min() + " characters"
					: "must be at most " + size.max() + " characters";
			default -> violation.getMessage();
		};
	}

	private static int length(Object value) {
		return switch (value) {
			case CharSequence text -> text.toString().codePointCount(0, text.length());
			case Collection<?> collection -> collection.size();
			case Map<?, ?> map -> map.size();
			case Object[] array -> array.length;
			case null, default -> 0;
		};
	}

	private static List<String> declarationOrder(Class<?> type) {
		if (!type.isRecord()) {
			return Arrays.stream(type.getDeclaredFields()).map(f -> f.getName()).toList();
		}
		return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
	}

	private static int position(List<String> order, String field) {
		int index = order.indexOf(root(field));
		return index < 0 ? Integer.MAX_VALUE : index;
	}

	private static String root(String field) {
		int cut = field.length();
		for (char stop : new char[] { '[', '.' }) {
			int at = field.indexOf(stop);
			if (at >= 0) {
				cut = Math.min(cut, at);
			}
		}
		return field.substring(0, cut);
	}

	/** The JSON name of a (possibly indexed) property path: {@code id} becomes {@code _id} when so annotated. */
	private static String jsonName(Object target, String field) {
		String root = root(field);
		String rest = field.substring(root.length()).replace("<list element>", "").replaceAll("\\.$", "");
		String name = root;
		if (target != null) {
			try {
				// @JsonProperty on a record component is propagated to its field, not to the RecordComponent
				JsonProperty property = target.getClass().getDeclaredField(root).getAnnotation(JsonProperty.class);
				if (property != null && !property.value().isEmpty()) {
					name = property.value();
				}
			}
			catch (NoSuchFieldException notAField) {
				// keep the property name
			}
		}
		return (name + rest).toLowerCase(Locale.ROOT);
	}
}
