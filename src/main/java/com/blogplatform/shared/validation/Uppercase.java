package com.blogplatform.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

import static java.lang.annotation.ElementType.*;

/**
 * The value equals its own upper-cased form and is not empty; digits, spaces and punctuation are
 * allowed ({@code "GO-LANG 2"} passes). {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = Uppercase.Validator.class)
@Target({ FIELD, PARAMETER, TYPE_USE, RECORD_COMPONENT, METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Uppercase {

	String message() default "must be uppercase";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Uppercase, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || (!value.isEmpty() && value.equals(value.toUpperCase(Locale.ROOT)));
		}
	}
}
