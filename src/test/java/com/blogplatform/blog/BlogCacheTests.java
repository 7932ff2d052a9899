package com.blogplatform.blog;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.BlogFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Public reads are cached in the real Redis, and every change the public could see evicts them.
 */
@ApiTest
class BlogCacheTests extends BlogActors {

	@Autowired
	StringRedisTemplate redis;

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
