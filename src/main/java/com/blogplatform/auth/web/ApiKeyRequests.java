package com.blogplatform.auth.web;

import com.blogplatform.shared.validation.Required;
import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of API-key administration. A description is one line of text for people reading
 * a list of keys: the body reader already refuses most control characters, and this also refuses
 * tab and line breaks, which only long text may hold.
 */
final class ApiKeyRequests {

	static final int MAX_DESCRIPTION_LENGTH = 200;

	private ApiKeyRequests() {
	}

	@GroupSequence({ Required.class, CreateApiKey.class })
	record CreateApiKey(@NotBlank(groups = Required.class) @Size(max = MAX_DESCRIPTION_LENGTH)
			@Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String description) {
	}
}
