package com.blogplatform.blog.web;

import com.blogplatform.blog.content.BlogManagement;
import com.blogplatform.shared.validation.MultiLine;
import com.blogplatform.shared.validation.Required;
import com.blogplatform.shared.validation.Uppercase;
import com.blogplatform.shared.validation.WebUrl;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.bson.types.ObjectId;

/**
 * Request bodies of the blog API, with the reference's rules (presence first, then the rules)
 * plus bounds it lacks (at most 50 tags of 100 characters). Only the body and the description are
 * {@link MultiLine}: a tab or line break in any other field is a 400.
 */
final class BlogRequests {

	private BlogRequests() {
	}

	@GroupSequence({ Required.class, CreateBlog.class })
	record CreateBlog(@NotEmpty(groups = Required.class) @Size(min = 3, max = 500) String title,
			@MultiLine @NotEmpty(groups = Required.class) @Size(min = 3, max = 2000) String description,
			@MultiLine @NotEmpty(groups = Required.class) @Size(max = 50000) String draftText,
			@NotEmpty(groups = Required.class) @Size(min = 3, max = 200) String slug,
			@NotEmpty(groups = Required.class) @WebUrl(rootRelative = true, message = "is not a valid URI") @Size(max = 200) String imgUrl,
			@NotNull(groups = Required.class) @Size(min = 1, max = 50) List<@Uppercase @Size(max = 100) String> tags) {

		BlogManagement.Draft draft() {
			return new BlogManagement.Draft(title, description, draftText, slug, imgUrl, tags);
		}
	}

	@GroupSequence({ Required.class, UpdateBlog.class })
	record UpdateBlog(
			@JsonProperty("_id") @NotEmpty(groups = Required.class) @Pattern(regexp = "^[0-9a-fA-F]{24}$", message = "is invalid") String id,
			@Size(min = 3, max = 500) String title, @MultiLine @Size(min = 3, max = 2000) String description,
			@MultiLine @Size(min = 1, max = 50000) String draftText, @Size(min = 3, max = 200) String slug,
			@WebUrl(rootRelative = true, message = "is not a valid URI") @Size(max = 200) String imgUrl,
			@Size(min = 1, max = 50) List<@Uppercase @Size(max = 100) String> tags) {

		/** Valid once the rules passed: 24 hex digits. */
		ObjectId blogId() {
			return new ObjectId(id);
		}

		BlogManagement.Draft changes() {
			return new BlogManagement.Draft(title, description, draftText, slug, imgUrl, tags);
		}
	}
}
