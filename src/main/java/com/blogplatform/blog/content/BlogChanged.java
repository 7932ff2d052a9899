package com.blogplatform.blog.content;

import org.bson.types.ObjectId;

/**
 * Something the public may see changed: published, unpublished, edited or deleted. Published by
 * {@link BlogManagement}; the cache listens to it to drop what it holds of this blog.
 * @param previousSlug the slug before a rename, else the same as {@code slug}
 */
public record BlogChanged(ObjectId id, String slug, String previousSlug) {
}
