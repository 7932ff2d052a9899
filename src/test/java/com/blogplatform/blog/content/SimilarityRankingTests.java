package com.blogplatform.blog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * "Similar blogs", ranked in Java: 3 points per shared title word, 2 per shared tag, 1 per shared
 * description word; ties to the most recently updated; at most six; never the source itself.
 */
class SimilarityRankingTests {

	static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

	/** Title words kotlin, coroutines, explained; description words structured, concurrency, jvm. */
	static final Blog SOURCE = new Kind("Kotlin coroutines explained", "Structured concurrency on the JVM", List.of("KOTLIN", "ASYNC"))
		.at(T0);

	/** The content of a candidate, to be made at different times. */
	record Kind(String title, String description, List<String> tags) {

		Blog at(Instant updatedAt) {
			Blog blog = Blog.draft(UUID.randomUUID(), title, description, "text", "slug-" + UUID.randomUUID(),
					"https://img.example.com/a.png", tags, updatedAt);
			ReflectionTestUtils.setField(blog, "id", new ObjectId());
			return blog;
		}
	}

	static final Kind NOTHING_SHARED = new Kind("Gardening notes", "Tomatoes and basil", List.of("GARDEN"));

	static final Kind ONE_TITLE_WORD = new Kind("Kotlin gardening", "Tomatoes and basil", List.of("GARDEN"));

	static final Kind ONE_TAG = new Kind("Gardening notes", "Tomatoes and basil", List.of("ASYNC"));

	static final Kind TWO_TAGS = new Kind("Gardening notes", "Tomatoes and basil", List.of("ASYNC", "KOTLIN"));

	static final Kind ONE_DESCRIPTION_WORD = new Kind("Gardening notes", "Concurrency for tomatoes", List.of("GARDEN"));

	static final Kind TWO_DESCRIPTION_WORDS = new Kind("Gardening notes", "Structured concurrency for tomatoes", List.of("GARDEN"));

	static final Kind THREE_DESCRIPTION_WORDS = new Kind("Gardening notes", "Structured concurrency for tomatoes on the JVM",
			List.of("GARDEN"));

	static final Kind ONE_TAG_ONE_DESCRIPTION_WORD = new Kind("Gardening notes", "Concurrency for tomatoes", List.of("ASYNC"));

	@Test
	void scoresThreePerTitleWordTwoPerTagAndOnePerDescriptionWord() {
		assertOutranksANewer(ONE_TITLE_WORD, ONE_TAG);
		assertOutranksANewer(ONE_TAG, ONE_DESCRIPTION_WORD);
		assertOutranksANewer(ONE_DESCRIPTION_WORD, NOTHING_SHARED);
		assertOutranksANewer(TWO_TAGS, ONE_TITLE_WORD);
		assertOutranksANewer(ONE_TITLE_WORD, TWO_DESCRIPTION_WORDS);

		assertTie(ONE_TITLE_WORD, THREE_DESCRIPTION_WORDS);
		assertTie(ONE_TITLE_WORD, ONE_TAG_ONE_DESCRIPTION_WORD);
		assertTie(ONE_TAG, TWO_DESCRIPTION_WORDS);
	}

	@Test
	void countsEachSharedWordOnceWhateverItsCase() {
		assertTie(ONE_TITLE_WORD, new Kind("KOTLIN kotlin Kotlin", "Tomatoes and basil", List.of("GARDEN")));
	}

	@Test
	void wordsAreLowerCasedRunsOfLettersAndDigitsOfThreeOrMoreWithoutStopWords() {
		assertThat(SimilarityRanking.words("The Go-lang guide: how KOTLIN and Kotlin's 2nd edition, 2024"))
			.containsExactly("2024", "2nd", "edition", "guide", "kotlin", "lang");
		assertThat(SimilarityRanking.words("Why you can do it, for all that")).isEmpty();
		assertThat(SimilarityRanking.words(null)).isEmpty();
	}

	@Test
	void tiesGoToTheMostRecentlyUpdated() {
		Blog oldest = ONE_TAG.at(T0.plusSeconds(1));
		Blog newest = ONE_TAG.at(T0.plusSeconds(3));
		Blog middle = ONE_TAG.at(T0.plusSeconds(2));

		assertThat(SimilarityRanking.rank(SOURCE, List.of(oldest, newest, middle))).containsExactly(newest, middle, oldest);
	}

	@Test
	void returnsAtMostSixTheBestFirst() {
		List<Blog> candidates = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			candidates.add(NOTHING_SHARED.at(T0.plusSeconds(100 + i)));
		}
		List<Blog> best = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			best.add(0, ONE_DESCRIPTION_WORD.at(T0.plusSeconds(i)));
		}
		candidates.addAll(best);

		List<Blog> ranked = SimilarityRanking.rank(SOURCE, candidates);

		assertThat(ranked).hasSize(6).containsExactlyElementsOf(best);
		assertThat(SimilarityRanking.rank(SOURCE, List.of(ONE_TAG.at(T0)))).hasSize(1);
		assertThat(SimilarityRanking.rank(SOURCE, List.of())).isEmpty();
	}

	@Test
	void neverListsTheSourceItself() {
		Blog copy = new Kind(SOURCE.title(), SOURCE.description(), SOURCE.tags()).at(T0);
		Blog weaker = ONE_TAG.at(T0.plusSeconds(1));

		List<Blog> ranked = SimilarityRanking.rank(SOURCE, List.of(weaker, SOURCE, copy));

		assertThat(ranked).containsExactly(copy, weaker);
	}

	/** {@code higher} scores more than {@code lower}: it comes first although {@code lower} is newer. */
	private static void assertOutranksANewer(Kind higher, Kind lower) {
		Blog a = higher.at(T0.plusSeconds(1));
		Blog b = lower.at(T0.plusSeconds(2));

		assertThat(SimilarityRanking.rank(SOURCE, List.of(b, a))).as("%s above a newer %s", higher, lower).containsExactly(a, b);
	}

	/** Equal scores: whichever is newer comes first, both ways round. */
	private static void assertTie(Kind one, Kind other) {
		Blog oldOne = one.at(T0.plusSeconds(1));
		Blog other2 = other.at(T0.plusSeconds(2));
		Blog newOne = one.at(T0.plusSeconds(3));

		assertThat(SimilarityRanking.rank(SOURCE, List.of(oldOne, other2, newOne))).as("%s ties with %s", one, other)
			.containsExactly(newOne, other2, oldOne);
	}
}
