package com.blogplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a committed document that tests write from the code ({@code <!-- generated:NAME -->}
 * ... {@code <!-- /generated:NAME -->}): rewritten when it differs, and on CI a difference fails
 * the test, so the committed document is always what the code says.
 */
public final class GeneratedSection {

	private GeneratedSection() {
	}

	public static void write(Path document, String name, String content) {
		try {
			String text = Files.readString(document);
			String begin = "<!-- generated:" + name + " -->";
			String end = "<!-- /generated:" + name + " -->";
			assertThat(text).as("%s has a section %s", document, begin).contains(begin, end);
			String updated = text.substring(0, text.indexOf(begin) + begin.length()) + "\n" + content
					+ text.substring(text.indexOf(end));
			if (!updated.equals(text)) {
				Files.writeString(document, updated);
				assertThat(System.getenv("CI")).as("%s was stale: run the tests locally and commit it", document)
					.isNotEqualTo("true");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
