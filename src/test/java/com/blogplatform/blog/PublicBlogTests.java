package com.blogplatform.blog;

import static com.blogplatform.blog.AuthorBlogTests.ids;
import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.BlogFixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What anyone with an API key reads: published blogs only.
 */
@ApiTest
class PublicBlogTests extends BlogActors {

	@Test
	void readsAPublishedBlogByIdAndBySlug() {
		String id = BlogFixtures.published(author, editor, "Readable");
		String slug = editor.get("/blog/editor/id/" + id).data().path("slug").asString();

		var byId = api.get("/blog/id/" + id);
		var bySlug = api.get("/blog/slug/" + slug);

		assertThat(byId.status()).isEqualTo(200);
		assertThat(bySlug.data()).isEqualTo(byId.data());
		assertThat(byId.data().path("publishedAt").asString()).isNotEmpty();
		assertThat(byId.data().has("draftText")).isFalse();
		assertThat(byId.data().has("createdAt")).isFalse();
		assertThat(byId.data().has("submitted")).isFalse();
	}

	@Test
	void neverShowsDrafts() {
		String id = BlogFixtures.draft(author, "Not yet");

		assertFailure(api.get("/blog/id/" + id), 404, "blog not found");
		assertThat(ids(api.get("/blog/list/latest?page=1&limit=1000"))).doesNotContain(id);
	}

	@Test
	void validatesSlugsAndTags() {
		assertFailure(api.get("/blog/slug/ab"), 400, "slug must be at least 3 characters");
		assertFailure(api.get("/blog/slug/no-such-slug-" + UUID.randomUUID()), 404, "blog not found");
		assertFailure(api.get("/blog/list/tag/golang?page=1&limit=10"), 400, "tag must be uppercase");
	}

	@Test
	void listsLatestFirst() {
		String older = BlogFixtures.published(author, editor, "Older");
		String newer = BlogFixtures.published(author, editor, "Newer");

		List<String> latest = ids(api.get("/blog/list/latest?page=1&limit=1000"));

		assertThat(latest).containsSubsequence(newer, older);
	}

	@Test
	void filtersByExactTag() {
		String tag = "T" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
		String tagged = BlogFixtures.published(author, editor, "Tagged", tag);
		BlogFixtures.published(author, editor, "Untagged", "OTHER");

		assertThat(ids(api.get("/blog/list/tag/" + tag + "?page=1&limit=10"))).containsExactly(tagged);
		assertFailure(api.get("/blog/list/tag/" + tag + "?page=1"), 400, "limit is required");
	}

	@Test
	void findsAtMostSixSimilarPublishedBlogsNeverTheSource() {
		String tag = "SIM" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
		String source = BlogFixtures.published(author, editor, "Kotlin coroutines explained", tag);
		String strongest = BlogFixtures.published(author, editor, "Kotlin coroutines in depth", tag);
		for (int i = 0; i < 6; i++) {
			BlogFixtures.published(author, editor, "Gardening note " + i, tag);
		}
		String draft = BlogFixtures.draft(author, "Kotlin coroutines draft", tag);

		List<String> similar = ids(api.get("/blog/list/similar/id/" + source));

		assertThat(similar).hasSize(6).doesNotContain(source, draft);
		assertThat(similar.get(0)).isEqualTo(strongest);
	}

	@Test
	void editsOfAPublishedBlogShowAtOnceButItsTextOnlyOnRepublish() {
		String id = BlogFixtures.published(author, editor, "Live title");
		api.get("/blog/id/" + id);

		author.put("/blog/author/", Map.of("_id", id, "title", "New live title", "draftText", "New text"));

		var read = api.get("/blog/id/" + id).data();
		assertThat(read.path("title").asString()).isEqualTo("New live title");
		assertThat(read.path("text").asString()).isEqualTo("The text of Live title");
	}
}
