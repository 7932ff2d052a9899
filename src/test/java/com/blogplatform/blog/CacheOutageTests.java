package com.blogplatform.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.ServerProcess;
import com.blogplatform.testing.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis going away costs the cache, never a request: reads fall back to MongoDB with a warning,
 * and caching resumes by itself when Redis is back. Uses a Redis of its own to stop and start.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class CacheOutageTests {

	static final ServerProcess redisServer = ServerProcess.redis().start();

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", redisServer::port);
		registry.add("spring.data.redis.database", () -> 0);
	}

	@AfterAll
	static void stopRedis() {
		redisServer.close();
	}

	@Autowired
	StringRedisTemplate redis;

	@LocalServer
	ApiClient api;

	@Test
	void readsSurviveARedisOutageAndCachingResumesAfterwards(CapturedOutput output) {
		var author = Users.clientWithRoles(api, "AUTHOR");
		var editor = Users.clientWithRoles(api, "EDITOR");
		String id = BlogFixtures.published(author, editor, "Outage proof");
		assertThat(api.get("/blog/id/" + id).status()).isEqualTo(200);
		assertThat(redis.hasKey("blog:blog-by-id::" + id)).isTrue();

		redisServer.stop();
		var duringOutage = api.get("/blog/id/" + id);
		var unpublishDuringOutage = editor.put("/blog/editor/unpublish/id/" + id, null);

		assertThat(duringOutage.status()).as(duringOutage.toString()).isEqualTo(200);
		assertThat(duringOutage.data().path("title").asString()).isEqualTo("Outage proof");
		assertThat(unpublishDuringOutage.status()).isEqualTo(200);
		assertThat(api.get("/blog/id/" + id).status()).isEqualTo(404);
		assertThat(output.getOut()).contains("WARN").contains("blog-by-id");

		redisServer.start();
		editor.put("/blog/author/submit/id/" + id, null);
		String republished = BlogFixtures.published(author, editor, "After the outage");
		assertThat(api.get("/blog/id/" + republished).status()).isEqualTo(200);
		assertThat(redis.hasKey("blog:blog-by-id::" + republished)).isTrue();
	}
}
