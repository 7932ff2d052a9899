package com.blogplatform.blog.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference's slug normalization: spaces removed, {@code /} to {@code -}, {@code ?} removed, and
 * nothing else changed, so links made for the reference resolve the same way.
 */
class SlugsTests {

	@ParameterizedTest(name = "''{0}'' -> ''{1}''")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			"my blog/one?"          | myblog-one
			"  spaced   out  "      | spacedout
			a/b/c                   | a-b-c
			"what? why??"           | whatwhy
			"/leading and trailing/" | -leadingandtrailing-
			already-normal          | already-normal
			""")
	void removesSpacesAndQuestionMarksAndTurnsSlashesIntoHyphens(String slug, String normalized) {
		assertThat(Slugs.normalize(slug)).isEqualTo(normalized);
	}

	@Test
	void changesNothingElse() {
		String untouched = "Mixed_Case.With#Symbols&100%-ünïcode\ttab";

		assertThat(Slugs.normalize(untouched)).isEqualTo(untouched);
	}

	@Test
	void isIdempotent() {
		String once = Slugs.normalize("my blog/one? again");

		assertThat(Slugs.normalize(once)).isEqualTo(once).isEqualTo("myblog-oneagain");
	}

	@Test
	void aNewSlugIsMadeOfTheUnreservedCharactersOfAUrl() {
		assertThat(Slugs.isSafe("Safe_slug.v1~2-x")).isTrue();
		assertThat(Slugs.isSafe("caf\u00e9")).isFalse();
		assertThat(Slugs.isSafe("a<b")).isFalse();
		assertThat(Slugs.isSafe("50%")).isFalse();
		assertThat(Slugs.isSafe("a#b")).isFalse();
	}
}
