/**
 * BlogManagement: the author/editor workflow, public reads and listings, on MongoDB with a Redis cache.
 * Knows auth only through {@link com.blogplatform.auth.AuthPort}.
 */
@ApplicationModule(displayName = "Blog", allowedDependencies = { "auth", "shared" })
package com.blogplatform.blog;

import org.springframework.modulith.ApplicationModule;
