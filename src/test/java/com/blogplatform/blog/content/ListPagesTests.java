package com.blogplatform.blog.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.blog.content.BlogManagement.Listing;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;

/**
 * The generations of {@link ListPages}: a page read before a write and cached after it is never served.
 */
class ListPagesTests {

	private final ListPages lists = new ListPages(new ConcurrentMapCacheManager(), new LoggingCacheErrorHandler());

	private final UUID author = UUID.randomUUID();

	private final Paging page = new Paging(1, 10);

	private final List<String> reads = new ArrayList<>();

	@Test
	void aPageIsReadOnceThenServedUntilTheAuthorWrites() {
		assertThat(read("one")).containsExactly("one");
		assertThat(read("two")).containsExactly("one");

		lists.changed(author);

		assertThat(read("three")).containsExactly("three");
		assertThat(reads).containsExactly("one", "three");
	}

	@Test
	void aPageReadBeforeAConcurrentWriteIsNotServedAfterIt() {
		// the store is read, then a write lands and renews the generation, then the stale page is cached
		List<BlogSummary> stale = lists.author(author, Listing.DRAFTS, page, () -> {
			lists.changed(author);
			return summaries("stale");
		});
		assertThat(stale).extracting(BlogSummary::title).containsExactly("stale");

		assertThat(read("fresh")).containsExactly("fresh");
	}

	@Test
	void theEditorsListsRenewWithAnyAuthorsWrite() {
		assertThat(lists.editors(Listing.SUBMITTED, page, () -> summaries("before"))).extracting(BlogSummary::title)
			.containsExactly("before");
		assertThat(lists.editors(Listing.SUBMITTED, page, () -> summaries("cached"))).extracting(BlogSummary::title)
			.containsExactly("before");

		lists.changed(UUID.randomUUID());

		assertThat(lists.editors(Listing.SUBMITTED, page, () -> summaries("after"))).extracting(BlogSummary::title)
			.containsExactly("after");
	}

	@Test
	void anotherAuthorsWriteLeavesThisAuthorsPagesAlone() {
		read("mine");
		lists.changed(UUID.randomUUID());
		assertThat(read("again")).containsExactly("mine");
	}

	private List<String> read(String title) {
		return lists.author(author, Listing.DRAFTS, page, () -> {
			reads.add(title);
			return summaries(title);
		}).stream().map(BlogSummary::title).toList();
	}

	private static List<BlogSummary> summaries(String title) {
		return List.of(new BlogSummary("0", title, "d", "slug", "https://x.example/a.png", 0.01, List.of()));
	}
}
