package com.blogplatform.auth.web;

import com.blogplatform.auth.Role;
import com.blogplatform.auth.user.PasswordPolicy;
import com.blogplatform.shared.validation.Required;
import com.blogplatform.shared.validation.WebUrl;
import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Request bodies of the auth API. Presence is checked first ({@link Required}), the rules second,
 * as in the reference. Limits the reference lacks (e-mail and URL length) keep bodies bounded; new
 * passwords follow {@link PasswordPolicy}, while sign-in accepts any password the reference allowed.
 */
final class Requests {

	private Requests() {
	}

	@GroupSequence({ Required.class, SignUp.class })
	record SignUp(@NotEmpty(groups = Required.class) @Email @Size(max = 320) String email,
			@NotEmpty(groups = Required.class) @PasswordPolicy String password,
			@NotEmpty(groups = Required.class) @Size(min = 2, max = 200) String name,
			@WebUrl @Size(max = 2048) String profilePicUrl) {
	}

	@GroupSequence({ Required.class, SignIn.class })
	record SignIn(@NotEmpty(groups = Required.class) @Email @Size(max = 320) String email,
			@NotEmpty(groups = Required.class) @Size(min = 6, max = 100) String password) {
	}

	/**
	 * The current password is checked against the stored hash only (any length the reference allowed);
	 * the new one must satisfy the policy.
	 */
	@GroupSequence({ Required.class, PasswordChange.class })
	record PasswordChange(@NotEmpty(groups = Required.class) @Size(max = PasswordPolicy.MAX_LENGTH) String currentPassword,
			@NotEmpty(groups = Required.class) @PasswordPolicy String newPassword) {
	}

	@GroupSequence({ Required.class, Refresh.class })
	record Refresh(@NotEmpty(groups = Required.class) @Size(max = 4096) String refreshToken) {
	}

	@GroupSequence({ Required.class, AssignRoles.class })
	record AssignRoles(@NotNull(groups = Required.class) @Size(min = 1, max = 4) List<@NotNull Role> roles) {
	}
}
