package com.blogplatform.blog;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static com.blogplatform.testing.ApiAssertions.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An author's own blogs: create, update, read, delete, lists; never another author's.
 */
@ApiTest
class AuthorBlogTests {

	@LocalServer
	ApiClient api;

	Users.TestUser authorUser;

	ApiClient author;

	ApiClient otherAuthor;

	@BeforeEach
	void actors() {
		authorUser = Users.withRoles(api, "AUTHOR");
		author = api.bearer(authorUser.accessToken());
		otherAuthor = Users.clientWithRoles(api, "AUTHOR");
	}

	@Test
	void createsADraftOwnedByTheCaller() {
		var body = BlogFixtures.newBlog("First post", List.of("JAVA", "GO-LANG 2"));
		body.put("slug", "my blog/one?" + System.nanoTime());

		var response = author.post("/blog/author/", body);

		assertSuccess(response, "blog created successfully");
		var blog = response.data();
		assertThat(blog.path("_id").asString()).matches("[0-9a-f]{24}");
		assertThat(blog.path("slug").asString()).startsWith("myblog-one").doesNotContain("?").doesNotContain(" ");
		assertThat(blog.path("drafted").asBoolean()).isTrue();
		assertThat(blog.path("submitted").asBoolean()).isFalse();
		assertThat(blog.path("published").asBoolean()).isFalse();
		assertThat(blog.path("score").asDouble()).isEqualTo(0.01);
		assertThat(blog.has("text")).isFalse();
		assertThat(blog.path("imgUrl").asString()).isEqualTo("https://img.example.com/a.png");
		assertThat(blog.path("author").path("_id").asString()).isEqualTo(authorUser.id());
		assertThat(blog.path("tags").valueStream().map(tag -> tag.asString())).containsExactly("JAVA", "GO-LANG 2");
	}

	@Test
	void answersCreateWithAndWithoutTheTrailingSlash() {
		assertThat(author.post("/blog/author", BlogFixtures.newBlog("No slash", List.of("A"))).status()).isEqualTo(200);
	}

	@Test
	void validatesANewBlog() {
		assertFailure(author.post("/blog/author/", "{}"), 400,
				"title is required, description is required, drafttext is required, slug is required, imgurl is required, tags is required");
		var lowerCaseTag = BlogFixtures.newBlog("Tags", List.of("JAVA", "spring"));
		assertFailure(author.post("/blog/author/", lowerCaseTag), 400, "tags[1] must be uppercase");
		assertFailure(author.post("/blog/author/", BlogFixtures.newBlog("Tags", List.of())), 400, "tags must be at least 1 characters");
		var shortTitle = BlogFixtures.newBlog("ab", List.of("A"));
		shortTitle.put("imgUrl", "relative.png");
		assertFailure(author.post("/blog/author/", shortTitle), 400, "title must be at least 3 characters, imgurl is not a valid URI");
		var tooLong = BlogFixtures.newBlog("Long", List.of("A"));
		tooLong.put("draftText", "x".repeat(50001));
		assertFailure(author.post("/blog/author/", tooLong), 400, "drafttext must be at most 50000 characters");
		var slugShortAfterNormalizing = BlogFixtures.newBlog("Slug", List.of("A"));
		slugShortAfterNormalizing.put("slug", "a b ?");
		assertFailure(author.post("/blog/author/", slugShortAfterNormalizing), 400, "slug must be at least 3 characters");
	}

	@Test
	void refusesATakenSlug() {
		var first = BlogFixtures.newBlog("Same slug", List.of("A"));
		author.post("/blog/author/", first);

		assertFailure(otherAuthor.post("/blog/author/", first), 400, "Blog with slug: " + first.get("slug") + " already exists");
	}

	@Test
	void updatesOnlyTheGivenFields() {
		String id = BlogFixtures.draft(author, "Before");

		var response = author.put("/blog/author/", Map.of("_id", id, "title", "After", "tags", List.of("NEW")));

		assertSuccess(response, "blog updated successfully");
		assertThat(response.data().path("title").asString()).isEqualTo("After");
		assertThat(response.data().path("description").asString()).isEqualTo("About Before");
		assertThat(response.data().path("tags").get(0).asString()).isEqualTo("NEW");
	}

	@Test
	void validatesAnUpdate() {
		String id = BlogFixtures.draft(author, "Update rules");

		assertFailure(author.put("/blog/author/", Map.of("title", "x")), 400, "_id is required");
		assertFailure(author.put("/blog/author/", Map.of("_id", "nothex-nothex-nothex-xyz")), 400, "_id is invalid");
		assertFailure(author.put("/blog/author/", Map.of("_id", id, "title", "ab")), 400, "title must be at least 3 characters");
	}

	@Test
	void refusesRenamingToATakenSlug() {
		var taken = BlogFixtures.newBlog("Taken", List.of("A"));
		author.post("/blog/author/", taken);
		String id = BlogFixtures.draft(author, "Renamed");

		assertFailure(author.put("/blog/author/", Map.of("_id", id, "slug", taken.get("slug"))), 400,
				"Blog with slug: " + taken.get("slug") + " already exists");
	}

	@Test
	void neverShowsOrChangesAnotherAuthorsBlog() {
		String id = BlogFixtures.draft(author, "Mine");

		assertFailure(otherAuthor.get("/blog/author/id/" + id), 404, id + " not found");
		assertFailure(otherAuthor.put("/blog/author/", Map.of("_id", id, "title", "Stolen")), 404,
				"Blog with id: " + id + " does not exists");
		assertFailure(otherAuthor.put("/blog/author/submit/id/" + id, null), 404, "blog not found");
		assertFailure(otherAuthor.delete("/blog/author/id/" + id), 404, "blog not found");
		assertThat(otherAuthor.get("/blog/author/drafts?page=1&limit=1000").data().valueStream()
			.map(blog -> blog.path("_id").asString())).doesNotContain(id);
		assertThat(author.get("/blog/author/id/" + id).data().path("title").asString()).isEqualTo("Mine");
	}

	@Test
	void validatesIds() {
		assertFailure(author.get("/blog/author/id/0123456789abcdef0123456"), 400, "id must be of length 24");
		assertFailure(author.get("/blog/author/id/zzzzzzzzzzzzzzzzzzzzzzzz"), 400, "id is invalid");
	}

	@Test
	void listsDraftsSubmittedAndPublishedSeparately() {
		var editor = Users.clientWithRoles(api, "EDITOR");
		String draft = BlogFixtures.draft(author, "Draft one");
		String submitted = BlogFixtures.draft(author, "Submitted one");
		author.put("/blog/author/submit/id/" + submitted, null);
		String published = BlogFixtures.published(author, editor, "Published one");

		assertThat(ids(author.get("/blog/author/drafts?page=1&limit=10"))).containsExactlyInAnyOrder(draft, submitted);
		assertThat(ids(author.get("/blog/author/submitted?page=1&limit=10"))).containsExactly(submitted);
		assertThat(ids(author.get("/blog/author/published?page=1&limit=10"))).containsExactly(published);
		assertThat(ids(author.get("/blog/author/drafts?page=2&limit=1"))).hasSize(1);
	}

	@Test
	void validatesPagination() {
		assertFailure(author.get("/blog/author/drafts?limit=10"), 400, "page is required");
		assertFailure(author.get("/blog/author/drafts?page=1"), 400, "limit is required");
		assertFailure(author.get("/blog/author/drafts?page=0&limit=10"), 400, "page must be min 1");
		assertFailure(author.get("/blog/author/drafts?page=1&limit=1001"), 400, "limit must be max1000");
		assertFailure(author.get("/blog/author/drafts?page=one&limit=10"), 400, "page must be an integer");
	}

	static List<String> ids(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.data().valueStream().map(blog -> blog.path("_id").asString()).toList();
	}
}
