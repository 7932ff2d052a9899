package com.blogplatform.blog;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import org.junit.jupiter.api.BeforeEach;

/**
 * The three who meet in blog's workflow, new for each test: anyone with the API key ({@link #api}),
 * an author and an editor (each a fresh user holding exactly that role).
 */
abstract class BlogActors {

	@LocalServer
	ApiClient api;

	ApiClient author;

	ApiClient editor;

	@BeforeEach
	void actors() {
		author = Users.clientWithRoles(api, "AUTHOR");
		editor = Users.clientWithRoles(api, "EDITOR");
	}
}
