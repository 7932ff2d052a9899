package com.blogplatform.shared.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;

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
import java.util.Locale;
import java.util.Set;

/**
 * A link a browser may follow or load: an absolute {@code http} or {@code https} URL with a host
 * ({@code https://x.io/a.png}); with {@link #rootRelative()}, also a path on the same site
 * ({@code /img/a.png}). Any other scheme ({@code javascript:}, {@code data:}, {@code file:}), a
 * relative reference ({@code a.png}) and a protocol-relative one ({@code //x.io/a.png}) fail.
 * {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = WebUrl.Validator.class)
@Target({ FIELD, PARAMETER, TYPE_USE, RECORD_COMPONENT, METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface WebUrl {

	String message() default "is not a valid URL";

	/** Whether a root-relative path ({@code /img/a.png}) is accepted too. */
	boolean rootRelative() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<WebUrl, String> {

		private static final Set<String> SCHEMES = Set.of("http", "https");

		private boolean rootRelative;

		@Override
		public void initialize(WebUrl annotation) {
			rootRelative = annotation.rootRelative();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			try {
				URI uri = new URI(value);
				if (uri.getScheme() == null) {
					return rootRelative && value.startsWith("/") && !value.startsWith("//") && uri.getRawAuthority() == null;
				}
				return SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT)) && uri.getHost() != null;
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}
	}
}
