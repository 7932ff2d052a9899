package com.blogplatform.blog;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.BlogFixtures;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Public reads and the authors' and editors' lists are cached in the real Redis; every change the public
 * could see evicts the former, every write renews the latter.
 */
@ApiTest
class BlogCacheTests extends BlogActors {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MongoTemplate mongo;

	@Test
	void cachesPublicReadsInRedis() {
		var blog = publishedAndRead("Cached");
		api.get("/blog/list/similar/id/" + blog.id());

		assertThat(redis.hasKey("blog:blog-by-id::" + blog.id())).isTrue();
		assertThat(redis.hasKey("blog:blog-by-slug::" + blog.slug())).isTrue();
		assertThat(redis.hasKey("blog:similar-blogs::" + blog.id())).isTrue();
		assertThat(redis.getExpire("blog:blog-by-id::" + blog.id())).isBetween(1L, 600L);
		assertThat(redis.opsForValue().get("blog:blog-by-id::" + blog.id())).contains("\"title\":\"Cached\"");
	}

	@Test
	void listPagesAreCachedAndEveryChangeOfAPublishedBlogDropsThem() {
		String tag = "CACHED" + System.nanoTime();
		String first = BlogFixtures.published(author, editor, "Listed first", tag);
		String latest = "/blog/list/latest?page=1&limit=7";
		String tagged = "/blog/list/tag/" + tag + "?page=1&limit=5";
		assertThat(AuthorBlogTests.ids(api.get(latest))).contains(first);
		assertThat(AuthorBlogTests.ids(api.get(tagged))).containsExactly(first);
		assertThat(redis.hasKey("blog:latest-blogs::1:7")).isTrue();
		assertThat(redis.hasKey("blog:tagged-blogs::" + tag + ":1:5")).isTrue();

		String second = BlogFixtures.published(author, editor, "Listed second", tag);

		assertThat(redis.hasKey("blog:latest-blogs::1:7")).isFalse();
		assertThat(redis.hasKey("blog:tagged-blogs::" + tag + ":1:5")).isFalse();
		assertThat(AuthorBlogTests.ids(api.get(latest)).getFirst()).isEqualTo(second);
		assertThat(AuthorBlogTests.ids(api.get(tagged))).containsExactly(second, first);

		editor.put("/blog/editor/unpublish/id/" + second, null);

		assertThat(AuthorBlogTests.ids(api.get(latest))).doesNotContain(second);
		assertThat(AuthorBlogTests.ids(api.get(tagged))).containsExactly(first);
	}

	@Test
	void unpublishingEvictsAtOnce() {
		var blog = publishedAndRead("Withdrawn soon");

		editor.put("/blog/editor/unpublish/id/" + blog.id(), null);

		assertThat(redis.hasKey("blog:blog-by-id::" + blog.id())).isFalse();
		assertThat(redis.hasKey("blog:blog-by-slug::" + blog.slug())).isFalse();
		assertFailure(api.get("/blog/id/" + blog.id()), 404, "blog not found");
		assertFailure(api.get("/blog/slug/" + blog.slug()), 404, "blog not found");
	}

	@Test
	void deletingEvictsAtOnce() {
		String id = BlogFixtures.published(author, editor, "Deleted soon");
		api.get("/blog/id/" + id);

		author.delete("/blog/author/id/" + id);

		assertFailure(api.get("/blog/id/" + id), 404, "blog not found");
	}

	@Test
	void renamingASlugRetiresTheOldOne() {
		var blog = publishedAndRead("Renamed");

		author.put("/blog/author/", Map.of("_id", blog.id(), "slug", blog.slug() + "-new", "title", "Renamed again"));

		assertFailure(api.get("/blog/slug/" + blog.slug()), 404, "blog not found");
		assertThat(api.get("/blog/slug/" + blog.slug() + "-new").data().path("title").asString()).isEqualTo("Renamed again");
		assertThat(api.get("/blog/id/" + blog.id()).data().path("title").asString()).isEqualTo("Renamed again");
	}

	@Test
	void publishingEvictsSimilarLists() {
		String tag = "EVICT" + System.nanoTime();
		String source = BlogFixtures.published(author, editor, "Source post", tag);
		assertThat(AuthorBlogTests.ids(api.get("/blog/list/similar/id/" + source))).isEmpty();

		String newcomer = BlogFixtures.published(author, editor, "Newcomer post", tag);

		assertThat(AuthorBlogTests.ids(api.get("/blog/list/similar/id/" + source))).containsExactly(newcomer);
	}

	@Test
	void anAuthorsListsAreCachedAndEveryWriteOfTheirsIsSeenAtOnce() {
		String authorId = author.get("/auth/profile/mine").data().path("id").asString();
		String drafts = "/blog/author/drafts?page=1&limit=10";
		String first = BlogFixtures.draft(author, "First draft");
		assertThat(AuthorBlogTests.ids(author.get(drafts))).containsExactly(first);
		String generation = redis.opsForValue().get("blog:list-generations::" + authorId);
		assertThat(generation).isNotBlank();
		assertThat(redis.hasKey("blog:list-pages::" + authorId + ":" + generation + ":DRAFTS:1:10")).isTrue();

		// changed behind the application's back: the cached page still shows the title it read
		mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(first))), Update.update("title", "Behind its back"),
				"blogs");
		assertThat(titles(author.get(drafts))).containsExactly("First draft");

		String second = BlogFixtures.draft(author, "Second draft");
		assertThat(redis.opsForValue().get("blog:list-generations::" + authorId)).isNotEqualTo(generation);
		assertThat(AuthorBlogTests.ids(author.get(drafts))).containsExactly(second, first);
		assertThat(titles(author.get(drafts))).containsExactly("Second draft", "Behind its back");

		String submitted = "/blog/author/submitted?page=1&limit=10";
		assertThat(AuthorBlogTests.ids(author.get(submitted))).isEmpty();
		assertThat(AuthorBlogTests.ids(editor.get("/blog/editor/submitted?page=1&limit=50"))).doesNotContain(second);
		author.put("/blog/author/submit/id/" + second, null);
		assertThat(AuthorBlogTests.ids(author.get(submitted))).containsExactly(second);
		assertThat(AuthorBlogTests.ids(editor.get("/blog/editor/submitted?page=1&limit=50"))).contains(second);

		editor.put("/blog/editor/publish/id/" + second, null);
		assertThat(AuthorBlogTests.ids(author.get(drafts))).containsExactly(first);
		assertThat(AuthorBlogTests.ids(author.get(submitted))).isEmpty();
		assertThat(AuthorBlogTests.ids(author.get("/blog/author/published?page=1&limit=10"))).containsExactly(second);
		assertThat(AuthorBlogTests.ids(editor.get("/blog/editor/submitted?page=1&limit=50"))).doesNotContain(second);
		assertThat(AuthorBlogTests.ids(editor.get("/blog/editor/published?page=1&limit=50"))).contains(second);

		author.put("/blog/author/", Map.of("_id", first, "title", "First, renamed"));
		assertThat(titles(author.get(drafts))).containsExactly("First, renamed");
		author.delete("/blog/author/id/" + first);
		assertThat(AuthorBlogTests.ids(author.get(drafts))).isEmpty();
	}

	private static List<String> titles(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.data().valueStream().map(blog -> blog.path("title").asString()).toList();
	}

	private record Published(String id, String slug) {
	}

	/** Publishes a blog and reads it publicly by id and by slug, which caches both. */
	private Published publishedAndRead(String title) {
		String id = BlogFixtures.published(author, editor, title);
		String slug = editor.get("/blog/editor/id/" + id).data().path("slug").asString();
		assertThat(api.get("/blog/id/" + id).status()).isEqualTo(200);
		assertThat(api.get("/blog/slug/" + slug).status()).isEqualTo(200);
		return new Published(id, slug);
	}
}
