package com.blogplatform.auth.user;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static java.lang.annotation.ElementType.*;

/**
 * The rule for a new password (ASVS 5.0 V6.2): at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_LENGTH}, and not on the bundled list of common passwords
 * ({@code auth/common-passwords.txt}, compared ignoring case). Passwords set before the rule (the
 * reference allowed 6 characters) still sign in: only new passwords are checked.
 */
@Documented
@Constraint(validatedBy = PasswordPolicy.NotCommon.class)
@Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordPolicy {

	int MIN_LENGTH = 8;

	/** The reference's maximum; argon2id has no byte limit that would make it shorter. */
	int MAX_LENGTH = 100;

	String message() default "is too common, choose another one";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Refuses a password on the list; length is left to the composed {@code @Size}, null to {@code @NotEmpty}. */
	class NotCommon implements ConstraintValidator<PasswordPolicy, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			// shorter ones are refused by the length rule alone: one message, not two
			return value == null || value.length() < MIN_LENGTH || !CommonPasswords.LIST.contains(value.toLowerCase(Locale.ROOT));
		}
	}

	/** Loaded once, on first use (a few thousand short strings). */
	final class CommonPasswords {

		static final String RESOURCE = "/auth/common-passwords.txt";

		static final Set<String> LIST = load();

		private CommonPasswords() {
		}

		private static Set<String> load() {
			try (InputStream in = PasswordPolicy.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("missing resource " + RESOURCE);
				}
				return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
					.filter(line -> !line.isEmpty() && !line.startsWith("#"))
					.map(line -> line.toLowerCase(Locale.ROOT))
					.collect(Collectors.toUnmodifiableSet());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}
}
