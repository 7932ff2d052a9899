package com.blogplatform.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

import static java.lang.annotation.ElementType.*;

/**
 * An absolute URL: a scheme plus a host (or an opaque part), e.g. {@code https://x.io/a.png}.
 * A bare path fails. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = WebUrl.Validator.class)
@Target({ FIELD, PARAMETER, TYPE_USE, RECORD_COMPONENT, METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface WebUrl {

	String message() default "is not a valid URL";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<WebUrl, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			try {
				URI uri = new URI(value);
				return uri.getScheme() != null && (uri.getHost() != null || uri.isOpaque());
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}
	}
}
