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
 * An absolute URI ({@code https://x.io/a.png}) or an absolute path ({@code /img/a.png}); a relative
 * reference such as {@code a.png} fails. A fragment is ignored. {@code null} is left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = UriReference.Validator.class)
@Target({ FIELD, PARAMETER, TYPE_USE, RECORD_COMPONENT, METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface UriReference {

	String message() default "is not a valid URI";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<UriReference, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			int hash = value.indexOf('#');
			String candidate = hash >= 0 ? value.substring(0, hash) : value;
			if (candidate.isEmpty()) {
				return false;
			}
			try {
				URI uri = new URI(candidate);
				return uri.isAbsolute() || candidate.startsWith("/");
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}
	}
}
