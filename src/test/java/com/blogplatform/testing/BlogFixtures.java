package com.blogplatform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** BlogManagement made through the public API. */
public final class BlogFixtures {

	private BlogFixtures() {
	}

	public static Map<String, Object> newBlog(String title, List<String> tags) {
		Map<String, Object> blog = new LinkedHashMap<>();
		blog.put("title", title);
		blog.put("description", "About " + title);
		blog.put("draftText", "The text of " + title);
		blog.put("slug", "slug-" + UUID.randomUUID());
		blog.put("imgUrl", "https://img.example.com/a.png");
		blog.put("tags", tags);
		return blog;
	}

	/** Creates a draft as this author and returns its id. */
	public static String draft(ApiClient author, String title, String... tags) {
		var response = author.post("/blog/author/", newBlog(title, List.of(tags.length == 0 ? new String[] { "GENERAL" } : tags)));
		if (response.status() != 200) {
			throw new IllegalStateException("create failed: " + response);
		}
		return response.data().path("_id").asString();
	}

	/** Creates, submits and publishes a blog; returns its id. */
	public static String published(ApiClient author, ApiClient editor, String title, String... tags) {
		String id = draft(author, title, tags);
		expectOk(author.put("/blog/author/submit/id/" + id, null));
		expectOk(editor.put("/blog/editor/publish/id/" + id, null));
		return id;
	}

	private static void expectOk(ApiClient.Response response) {
		if (response.status() != 200) {
			throw new IllegalStateException(response.toString());
		}
	}
}
