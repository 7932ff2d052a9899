/**
 * Users, roles, API keys and sessions (JWT access and refresh tokens), on PostgreSQL.
 * <p>
 * The module's public surface is this package: {@link com.blogplatform.auth.AuthPort}, the one
 * interface other modules use, and its result types. Everything in sub-packages is internal.
 * The port has two bindings, chosen by packaging and profile: in-process when auth runs in the
 * same application, and NATS request/reply when it runs as a service of its own.
 */
@ApplicationModule(displayName = "Auth")
package com.blogplatform.auth;

import org.springframework.modulith.ApplicationModule;
