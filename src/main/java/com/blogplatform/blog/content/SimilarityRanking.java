package com.blogplatform.blog.content;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Similar blogs" without MongoDB's {@code $text} search (which the in-process development server
 * lacks), so tests run the production query. Candidates are published blogs that share a tag or a
 * title word with the source; each scores 3 per shared title word, 2 per shared tag and 1 per
 * shared description word (the reference weighs title 3 and description 1 in its text index);
 * ties go to the most recently updated. Words are lower-cased runs of letters and digits of at
 * least three characters, minus a few English stop words.
 */
final class SimilarityRanking {

	static final int LIMIT = 6;

	static final int MAX_CANDIDATES = 200;

	private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "into", "that", "this",
			"are", "was", "how", "what", "why", "when", "your", "you", "our", "its", "not", "but", "all", "can");

	private SimilarityRanking() {
	}

	static Set<String> words(String text) {
		if (text == null) {
			return Set.of();
		}
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter(word -> word.length() >= 3 && !STOP_WORDS.contains(word))
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	/** A case-insensitive regex matching any of the words as a whole word, or nothing when there are none. */
	static String anyWordRegex(Set<String> words) {
		return words.isEmpty() ? "a^" : "\\b(" + String.join("|", words) + ")\\b";
	}

	static List<Blog> rank(Blog source, List<Blog> candidates) {
		Set<String> titleWords = words(source.title());
		Set<String> descriptionWords = words(source.description());
		Set<String> tags = new HashSet<>(source.tags());
		Comparator<Blog> byScore = Comparator.comparingInt(
				(Blog candidate) -> 3 * shared(titleWords, words(candidate.title()))
						+ 2 * shared(tags, new HashSet<>(candidate.tags()))
						+ shared(descriptionWords, words(candidate.description())));
		return candidates.stream()
			.filter(candidate -> !candidate.id().equals(source.id()))
			.sorted(byScore.reversed()
				.thenComparing(Blog::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(Blog::hex, Comparator.reverseOrder()))
			.limit(LIMIT)
			.toList();
	}

	private static int shared(Set<String> a, Set<String> b) {
		int count = 0;
		for (String word : a) {
			if (b.contains(word)) {
				count++;
			}
		}
		return count;
	}
}
