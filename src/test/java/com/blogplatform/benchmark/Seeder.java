package com.blogplatform.benchmark;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Realistic data, seeded through the public API as clients would create it (sign-up; draft, submit,
 * publish), so every store and cache holds what the application itself wrote. Sign-ups are bounded
 * by password hashing (argon2id, one hash per core at a time: a 429 is retried), blogs by the
 * request rate; several workers send at once.
 */
final class Seeder {

	/** What the measured paths use: a key, an author's session, and one published blog. */
	record Dataset(String apiKey, String authorToken, String blogId, String blogSlug) {
	}

	private static final List<String> TAGS = List.of("JAVA", "SPRING", "DATABASES", "DISTRIBUTED", "TESTING", "CAREER");

	private static final String TEXT = "A paragraph of a realistic length, repeated to make a post of a few kilobytes. ".repeat(40);

	private static final int BLOG_WORKERS = 8;

	private static final int SIGN_UP_WORKERS = 4;

	private final ApiClient auth;

	private final ApiClient blog;

	private final String apiKey;

	private final List<ApiClient> authors = new ArrayList<>();

	private ApiClient editor;

	private Users.TestUser benchmarkAuthor;

	private String firstId;

	private int published;

	/**
	 * @param auth a client of the auth routes with the deployment's key
	 * @param blog a client of the blog routes with the same key
	 */
	Seeder(ApiClient auth, ApiClient blog, String apiKey) {
		this.auth = auth;
		this.blog = blog;
		this.apiKey = apiKey;
	}

	/** The editor, the authors (the first also owns ten drafts, the drafts page measured) and {@code users} readers. */
	Seeder people(Users.TestUser admin, int authorCount, int users) {
		editor = blog.bearer(Users.withRoles(auth, admin, "EDITOR").accessToken());
		benchmarkAuthor = Users.withRoles(auth, admin, "AUTHOR");
		authors.add(blog.bearer(benchmarkAuthor.accessToken()));
		for (int i = 1; i < authorCount; i++) {
			authors.add(blog.bearer(Users.withRoles(auth, admin, "AUTHOR").accessToken()));
		}
		for (int i = 0; i < 10; i++) {
			int n = i;
			retried(() -> expectOk(authors.getFirst().post("/blog/author/", blog("draft", n))));
		}
		parallel(users, SIGN_UP_WORKERS, i -> retried(() -> Users.signUp(auth)));
		return this;
	}

	/** Publishes blogs until {@code total} are published (each: draft, submit, publish). */
	Seeder publishedBlogs(int total) {
		int from = published;
		parallel(total - from, BLOG_WORKERS, i -> publish(from + i));
		published = Math.max(published, total);
		return this;
	}

	Dataset dataset() {
		return new Dataset(apiKey, benchmarkAuthor.accessToken(), firstId, slug("published", 0));
	}

	int published() {
		return published;
	}

	private void publish(int n) {
		ApiClient author = authors.get(n % authors.size());
		String id = retried(() -> expectOk(author.post("/blog/author/", blog("published", n)))).data().path("_id").asString();
		retried(() -> expectOk(author.put("/blog/author/submit/id/" + id, null)));
		retried(() -> expectOk(editor.put("/blog/editor/publish/id/" + id, null)));
		if (n == 0) {
			firstId = id;
		}
	}

	private static Map<String, Object> blog(String kind, int n) {
		return Map.of("title", "Benchmark " + kind + " blog " + n, "description", "What " + kind + " blog " + n + " is about.",
				"draftText", TEXT, "slug", slug(kind, n), "imgUrl", "https://img.example.com/" + n + ".png", "tags",
				List.of(TAGS.get(n % TAGS.size()), TAGS.get((n + 1) % TAGS.size())));
	}

	private static String slug(String kind, int n) {
		return "benchmark-" + kind + "-" + n;
	}

	private static ApiClient.Response expectOk(ApiClient.Response response) {
		if (response.status() != 200) {
			throw new Refused(response);
		}
		return response;
	}

	/** A refused seeding request; a 429 (hashing busy) or 503 is tried again. */
	private static final class Refused extends IllegalStateException {

		final int status;

		Refused(ApiClient.Response response) {
			super("seeding request refused: " + response);
			this.status = response.status();
		}
	}

	private static <T> T retried(Supplier<T> call) {
		for (int attempt = 1;; attempt++) {
			try {
				return call.get();
			}
			catch (Refused ex) {
				if ((ex.status != 429 && ex.status != 503) || attempt == 50) {
					throw ex;
				}
			}
			catch (IllegalStateException ex) {
				// Users' helpers report a refusal as a plain IllegalStateException with the status first.
				if (!(ex.getMessage().contains(": 429 ") || ex.getMessage().contains(": 503 ")) || attempt == 50) {
					throw ex;
				}
			}
			sleep(Duration.ofMillis(50L * Math.min(attempt, 10)));
		}
	}

	private static void parallel(int count, int workers, IntConsumer task) {
		try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				done.add(pool.submit(() -> task.accept(n)));
			}
			try {
				for (Future<?> each : done) {
					each.get();
				}
			}
			catch (ExecutionException ex) {
				pool.shutdownNow();
				throw new IllegalStateException("seeding failed: " + ex.getCause().getMessage(), ex.getCause());
			}
			catch (InterruptedException ex) {
				pool.shutdownNow();
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
