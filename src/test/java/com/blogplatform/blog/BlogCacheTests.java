package com.blogplatform.blog;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.Users;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Public reads are cached in the real Redis, and every change the public could see evicts them.
 */
@ApiTest
class BlogCacheTests {

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	ApiClient api;

	ApiClient author;

	ApiClient editor;

	@BeforeEach
	void actors() {
		api = new ApiClient("http://localhost:" + port);
		author = api.bearer(Users.withRoles(api, "AUTHOR").accessToken());
		editor = api.bearer(Users.withRoles(api, "EDITOR").accessToken());
	}

	@Test
	void cachesPublicReadsInRedis() {
		String id = BlogFixtures.published(author, editor, "Cached");
		String slug = editor.get("/blog/editor/id/" + id).data().path("slug").asString();

		api.get("/blog/id/" + id);
		api.get("/blog/slug/" + slug);
		api.get("/blog/list/similar/id/" + id);

		assertThat(redis.hasKey("blog:blog-by-id::" + id)).isTrue();
		assertThat(redis.hasKey("blog:blog-by-slug::" + slug)).isTrue();
		assertThat(redis.hasKey("blog:similar-blogs::" + id)).isTrue();
		assertThat(redis.getExpire("blog:blog-by-id::" + id)).isBetween(1L, 600L);
		assertThat(redis.opsForValue().get("blog:blog-by-id::" + id)).contains("\"title\":\"Cached\"");
	}

	@Test
	void unpublishingEvictsAtOnce() {
		String id = BlogFixtures.published(author, editor, "Withdrawn soon");
		String slug = editor.get("/blog/editor/id/" + id).data().path("slug").asString();
		api.get("/blog/id/" + id);
		api.get("/blog/slug/" + slug);

		editor.put("/blog/editor/unpublish/id/" + id, null);

		assertThat(redis.hasKey("blog:blog-by-id::" + id)).isFalse();
		assertThat(redis.hasKey("blog:blog-by-slug::" + slug)).isFalse();
		assertFailure(api.get("/blog/id/" + id), 404, "blog not found");
		assertFailure(api.get("/blog/slug/" + slug), 404, "blog not found");
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
		String id = BlogFixtures.published(author, editor, "Renamed");
		String oldSlug = editor.get("/blog/editor/id/" + id).data().path("slug").asString();
		api.get("/blog/slug/" + oldSlug);

		author.put("/blog/author/", Map.of("_id", id, "slug", oldSlug + "-new", "title", "Renamed again"));

		assertFailure(api.get("/blog/slug/" + oldSlug), 404, "blog not found");
		assertThat(api.get("/blog/slug/" + oldSlug + "-new").data().path("title").asString()).isEqualTo("Renamed again");
		assertThat(api.get("/blog/id/" + id).data().path("title").asString()).isEqualTo("Renamed again");
	}

	@Test
	void publishingEvictsSimilarLists() {
		String tag = "EVICT" + System.nanoTime();
		String source = BlogFixtures.published(author, editor, "Source post", tag);
		assertThat(AuthorBlogTests.ids(api.get("/blog/list/similar/id/" + source))).isEmpty();

		String newcomer = BlogFixtures.published(author, editor, "Newcomer post", tag);

		assertThat(AuthorBlogTests.ids(api.get("/blog/list/similar/id/" + source))).containsExactly(newcomer);
	}
}
