package com.blogplatform.blog.content;

import com.blogplatform.auth.UserProfile;

/** A blog with all its workflow state and draft, as its author and the editors see it, and who wrote it. */
public record AuthoredBlog(Blog blog, UserProfile author) {
}
