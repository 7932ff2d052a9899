package com.blogplatform.blog;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static com.blogplatform.testing.ApiAssertions.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.BlogFixtures;
import org.junit.jupiter.api.Test;

/**
 * The workflow: draft -> submitted -> published -> draft, with every illegal step refused.
 */
@ApiTest
class BlogWorkflowTests extends BlogActors {

	@Test
	void fromSignUpToPublicRead() {
		String id = BlogFixtures.draft(author, "Modular monoliths");

		assertSuccess(author.put("/blog/author/submit/id/" + id, null), "blog submitted successfully");
		assertSuccess(editor.put("/blog/editor/publish/id/" + id, null), "blog published successfully");

		var read = api.get("/blog/id/" + id);
		assertSuccess(read, "success");
		assertThat(read.data().path("title").asString()).isEqualTo("Modular monoliths");
		assertThat(read.data().path("text").asString()).isEqualTo("The text of Modular monoliths");
		assertThat(read.data().has("draftText")).isFalse();
		assertThat(read.data().path("author").path("name").asString()).isEqualTo("Test User");
		assertThat(read.data().path("author").has("email")).isFalse();
	}

	@Test
	void publishingCopiesTheDraftAndStampsTheFirstPublication() {
		String id = BlogFixtures.published(author, editor, "Stamped");

		var blog = editor.get("/blog/editor/id/" + id).data();
		assertThat(blog.path("published").asBoolean()).isTrue();
		assertThat(blog.path("drafted").asBoolean()).isFalse();
		assertThat(blog.path("submitted").asBoolean()).isFalse();
		assertThat(blog.path("text").asString()).isEqualTo(blog.path("draftText").asString());
		String firstPublished = blog.path("publishedAt").asString();
		assertThat(firstPublished).isNotEmpty();

		assertSuccess(editor.put("/blog/editor/unpublish/id/" + id, null), "blog unpublished successfully");
		var unpublished = editor.get("/blog/editor/id/" + id).data();
		assertThat(unpublished.path("drafted").asBoolean()).isTrue();
		assertThat(unpublished.path("published").asBoolean()).isFalse();
		assertThat(unpublished.path("publishedAt").asString()).isEqualTo(firstPublished);

		author.put("/blog/author/submit/id/" + id, null);
		editor.put("/blog/editor/publish/id/" + id, null);
		assertThat(editor.get("/blog/editor/id/" + id).data().path("publishedAt").asString()).isEqualTo(firstPublished);
	}

	@Test
	void refusesIllegalTransitions() {
		String id = BlogFixtures.draft(author, "Illegal moves");

		assertFailure(editor.put("/blog/editor/publish/id/" + id, null), 400, "blog for _id " + id + " is not submitted");
		assertFailure(editor.put("/blog/editor/unpublish/id/" + id, null), 400, "blog for _id " + id + " is not published");
		assertFailure(author.put("/blog/author/withdraw/id/" + id, null), 400, "blog for _id " + id + " is not submitted");

		author.put("/blog/author/submit/id/" + id, null);
		assertFailure(author.put("/blog/author/submit/id/" + id, null), 400, "blog for _id " + id + " is already submitted");

		editor.put("/blog/editor/publish/id/" + id, null);
		assertFailure(editor.put("/blog/editor/publish/id/" + id, null), 400, "blog for _id " + id + " is already published");
		assertFailure(author.put("/blog/author/submit/id/" + id, null), 400, "blog for _id " + id + " is already published");
		assertFailure(author.put("/blog/author/withdraw/id/" + id, null), 400, "blog for _id " + id + " is not submitted");
	}

	@Test
	void withdrawingReturnsASubmissionToDraft() {
		String id = BlogFixtures.draft(author, "Second thoughts");
		author.put("/blog/author/submit/id/" + id, null);

		assertSuccess(author.put("/blog/author/withdraw/id/" + id, null), "blog withdrawn successfully");

		var blog = author.get("/blog/author/id/" + id).data();
		assertThat(blog.path("submitted").asBoolean()).isFalse();
		assertThat(blog.path("drafted").asBoolean()).isTrue();
		assertFailure(editor.put("/blog/editor/publish/id/" + id, null), 400, "blog for _id " + id + " is not submitted");
	}

	@Test
	void editorsSeeSubmissionsOfEveryAuthor() {
		String id = BlogFixtures.draft(author, "For review");
		author.put("/blog/author/submit/id/" + id, null);

		var submitted = editor.get("/blog/editor/submitted?page=1&limit=1000");

		assertThat(submitted.data().valueStream().map(blog -> blog.path("_id").asString())).contains(id);
		assertThat(editor.get("/blog/editor/id/" + id).data().path("draftText").asString()).isEqualTo("The text of For review");
	}

	@Test
	void editorsCannotActOnUnknownBlogs() {
		String unknown = "0123456789abcdef01234567";

		assertFailure(editor.put("/blog/editor/publish/id/" + unknown, null), 404, "blog for _id " + unknown + " not found");
		assertFailure(editor.get("/blog/editor/id/" + unknown), 404, unknown + " not found");
	}

	@Test
	void deletedBlogsLeaveEveryViewButKeepTheirSlug() {
		var draft = BlogFixtures.newBlog("Gone soon", java.util.List.of("GONE"));
		String id = author.post("/blog/author/", draft).data().path("_id").asString();
		author.put("/blog/author/submit/id/" + id, null);
		editor.put("/blog/editor/publish/id/" + id, null);
		assertThat(api.get("/blog/id/" + id).status()).isEqualTo(200);

		assertSuccess(author.delete("/blog/author/id/" + id), "blog deleted successfully");

		assertFailure(api.get("/blog/id/" + id), 404, "blog not found");
		assertFailure(author.get("/blog/author/id/" + id), 404, id + " not found");
		assertFailure(author.delete("/blog/author/id/" + id), 404, "blog not found");
		assertFailure(author.post("/blog/author/", draft), 400, "Blog with slug: " + draft.get("slug") + " already exists");
	}
}
