package com.blogplatform.shared;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input the parsers would take but the API refuses, in the envelope: a JSON key given twice, a
 * control character in a text (a tab or line break outside the long texts), a link that is not http(s), a slug that would need escaping, a URL
 * the firewall rejects.
 */
@ApiTest
class InputHygieneTests {

	@LocalServer
	ApiClient api;

	@Test
	void aKeyGivenTwiceIsRefusedNotSilentlyOverwritten() {
		String email = Users.uniqueEmail();
		var response = api.post("/auth/signup/basic",
				"{\"email\":\"" + email + "\",\"email\":\"other-" + email + "\",\"password\":\"secret-password\",\"name\":\"Twice\"}");

		assertFailure(response, 400, "duplicate field: email");
		assertFailure(api.post("/auth/signin/basic", Map.of("email", email, "password", "secret-password")), 401, "wrong password");
	}

	@Test
	void aControlCharacterInATextIsRefusedAndNothingIsStored() {
		String email = Users.uniqueEmail();
		var nul = api.post("/auth/signup/basic",
				"{\"email\":\"" + email + "\",\"password\":\"secret-password\",\"name\":\"Eve\\u0000\"}");
		assertFailure(nul, 400, "name must not contain control characters");
		assertFailure(api.post("/auth/signin/basic", Map.of("email", email, "password", "secret-password")), 401, "wrong password");

		var escape = api.post("/auth/signup/basic",
				"{\"email\":\"" + email + "\",\"password\":\"secret-password\",\"name\":\"Eve\\u001b[31m\"}");
		assertFailure(escape, 400, "name must not contain control characters");
	}

	@Test
	void tabsAndLineBreaksStayAllowedInTheBodyAndTheDescription() {
		ApiClient author = api.bearer(Users.withRoles(api, "AUTHOR").accessToken());
		var blog = BlogFixtures.newBlog("Lines", java.util.List.of("TEXT"));
		blog.put("draftText", "first line\n\tsecond line\r\n");
		blog.put("description", "A summary.\n\nIn\ttwo paragraphs.");
		var created = author.post("/blog/author/", blog);

		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		String id = created.data().path("_id").asString();
		var stored = author.get("/blog/author/id/" + id).data();
		assertThat(stored.path("draftText").asString()).isEqualTo("first line\n\tsecond line\r\n");
		assertThat(stored.path("description").asString()).isEqualTo("A summary.\n\nIn\ttwo paragraphs.");

		var update = author.put("/blog/author/", Map.of("_id", id, "draftText", "third\nline", "description", "New\r\nsummary"));
		assertThat(update.status()).as(update.toString()).isEqualTo(200);
		assertThat(author.get("/blog/author/id/" + id).data().path("description").asString()).isEqualTo("New\r\nsummary");
	}

	@Test
	void tabsAndLineBreaksAreRefusedInEveryShortText() {
		String email = Users.uniqueEmail();
		for (String layout : new String[] { "\t", "\n", "\r" }) {
			assertFailure(api.post("/auth/signup/basic", Map.of("email", email, "password", "secret-password", "name", "Eve" + layout + "Doe")),
					400, "name must not contain tabs or line breaks");
			assertFailure(api.post("/auth/signup/basic", Map.of("email", email + layout, "password", "secret-password", "name", "Eve")),
					400, "email must not contain tabs or line breaks");
			assertFailure(api.post("/auth/signup/basic", Map.of("email", email, "password", "secret" + layout + "password", "name", "Eve")),
					400, "password must not contain tabs or line breaks");
			assertFailure(api.post("/auth/signup/basic",
					Map.of("email", email, "password", "secret-password", "name", "Eve", "profilePicUrl", "https://x.example/" + layout)),
					400, "profilepicurl must not contain tabs or line breaks");
			assertFailure(api.post("/auth/signin/basic", Map.of("email", email, "password", "secret-password" + layout)), 400,
					"password must not contain tabs or line breaks");
			assertFailure(api.post("/auth/token/refresh", Map.of("refreshToken", "token" + layout)), 400,
					"refreshtoken must not contain tabs or line breaks");
		}
		assertFailure(api.post("/auth/signin/basic", Map.of("email", email, "password", "secret-password")), 401, "wrong password");

		ApiClient author = api.bearer(Users.withRoles(api, "AUTHOR").accessToken());
		for (String field : new String[] { "title", "slug", "imgUrl" }) {
			var blog = BlogFixtures.newBlog("Single line", java.util.List.of("LINE"));
			blog.put(field, blog.get(field) + "\n");
			assertFailure(author.post("/blog/author/", blog), 400, field.toLowerCase(java.util.Locale.ROOT) + " must not contain tabs or line breaks");
		}
		var tagged = BlogFixtures.newBlog("Single line", java.util.List.of("LINE\t"));
		assertFailure(author.post("/blog/author/", tagged), 400, "tags[0] must not contain tabs or line breaks");

		var created = author.post("/blog/author/", BlogFixtures.newBlog("Single line", java.util.List.of("LINE")));
		assertThat(created.status()).isEqualTo(200);
		String id = created.data().path("_id").asString();
		assertFailure(author.put("/blog/author/", Map.of("_id", id, "title", "A\r\nB")), 400, "title must not contain tabs or line breaks");
		assertFailure(author.put("/blog/author/", Map.of("_id", id, "draftText", "ok\u0007")), 400,
				"drafttext must not contain control characters");
		assertThat(author.get("/blog/author/id/" + id).data().path("title").asString()).doesNotContain("\n");
	}

	@Test
	void linksAreHttpOrHttpsOnlyAndImagesMayBeRootRelative() {
		for (String link : new String[] { "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "//evil.example/a.png",
				"a.png" }) {
			var signUp = api.post("/auth/signup/basic",
					Map.of("email", Users.uniqueEmail(), "password", "secret-password", "name", "Eve", "profilePicUrl", link));
			assertFailure(signUp, 400, "profilepicurl is not a valid URL");
		}
		ApiClient author = api.bearer(Users.withRoles(api, "AUTHOR").accessToken());
		for (String image : new String[] { "javascript:alert(1)", "data:image/png;base64,AAAA", "//evil.example/a.png", "a.png" }) {
			var blog = BlogFixtures.newBlog("Images", java.util.List.of("IMG"));
			blog.put("imgUrl", image);
			assertFailure(author.post("/blog/author/", blog), 400, "imgurl is not a valid URI");
		}
		for (String image : new String[] { "/img/a.png", "https://img.example.com/a.png", "HTTP://img.example.com/b.png" }) {
			var blog = BlogFixtures.newBlog("Images", java.util.List.of("IMG"));
			blog.put("imgUrl", image);
			assertThat(author.post("/blog/author/", blog).status()).as(image).isEqualTo(200);
		}
	}

	@Test
	void newSlugsAreMadeOfUrlSafeCharactersOnly() {
		ApiClient author = api.bearer(Users.withRoles(api, "AUTHOR").accessToken());
		for (String slug : new String[] { "caf\u00e9-" + System.nanoTime(), "a<script>" + System.nanoTime(), "50%-off-" + System.nanoTime() }) {
			var blog = BlogFixtures.newBlog("Slugs", java.util.List.of("SLUG"));
			blog.put("slug", slug);
			assertFailure(author.post("/blog/author/", blog), 400, "slug may contain only letters, digits, '-', '_', '.' and '~'");
		}
		var blog = BlogFixtures.newBlog("Slugs", java.util.List.of("SLUG"));
		blog.put("slug", "Safe_slug.v1~" + System.nanoTime());
		assertThat(author.post("/blog/author/", blog).status()).isEqualTo(200);
	}

	@Test
	void aUrlTheFirewallRefusesIsAnsweredInTheEnvelope() {
		for (String path : new String[] { "/auth/health;jsessionid=x", "/auth//health", "/auth/%2e%2e/blog/health" }) {
			var response = api.get(path);
			assertFailure(response, 400, "request rejected: the URL or a header is not valid");
			assertThat(response.headers().entrySet()).as(path)
				.filteredOn(header -> header.getKey().equalsIgnoreCase("content-type"))
				.singleElement()
				.satisfies(header -> assertThat(header.getValue()).containsExactly("application/json"));
		}
	}
}
