package com.blogplatform.shared.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdTests {

	@Test
	void anAcceptableIdIsKept() {
		assertThat(RequestId.adoptOrCreate("kong-7f3a.1:2")).isEqualTo("kong-7f3a.1:2");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "has space", "line\nbreak", "<script>" })
	void anyOtherIsReplacedByANewRandomUuid(String candidate) {
		UUID created = UUID.fromString(RequestId.adoptOrCreate(candidate));

		assertThat(created.version()).isEqualTo(4);
		assertThat(created.variant()).isEqualTo(2);
	}

	@Test
	void newIdsDoNotRepeat() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			ids.add(RequestId.create());
		}

		assertThat(ids).hasSize(100_000);
	}
}
