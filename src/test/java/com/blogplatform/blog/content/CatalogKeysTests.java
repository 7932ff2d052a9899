package com.blogplatform.blog.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The catalog's cache keys are the strings the evictions and the Redis entries' names use. */
class CatalogKeysTests {

	@Test
	void aBlogIsKeyedByItsHexIdOrItsSlug() {
		ObjectId id = new ObjectId();

		assertThat(CatalogKeys.of(id)).isEqualTo(id.toHexString());
		assertThat(CatalogKeys.of("a-slug")).isEqualTo("a-slug");
	}

	@Test
	void aPageIsKeyedByPageAndLimitAfterItsTag() {
		assertThat(CatalogKeys.of(new Paging(2, 10))).isEqualTo("2:10");
		assertThat(CatalogKeys.of("GENERAL", new Paging(1, 25))).isEqualTo("GENERAL:1:25");
	}

	@Test
	void aNullPartIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CatalogKeys.of("GENERAL", null));
	}
}
