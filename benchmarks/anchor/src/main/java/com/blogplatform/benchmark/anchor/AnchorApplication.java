package com.blogplatform.benchmark.anchor;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's anchor: the cheapest request Spring MVC can serve on this machine, one route that
 * answers a constant envelope of the application's shape, serialised by Jackson per request as the
 * application's answers are. Every figure of {@code scripts/benchmark.sh} is read as a ratio to this
 * one from the same run, since absolute figures on a shared machine say little.
 */
@SpringBootApplication
@RestController
public class AnchorApplication {

	/** The application's envelope ({@code {"code","status","message","data"}}) with a small payload. */
	public record Envelope(String code, int status, String message, Map<String, String> data) {
	}

	private static final Envelope ANSWER = new Envelope("10000", 200, "success",
			Map.of("title", "The anchor", "slug", "the-anchor", "author", "Anchor Author"));

	public static void main(String[] args) {
		SpringApplication.run(AnchorApplication.class, args);
	}

	@GetMapping("/anchor")
	Envelope anchor() {
		return ANSWER;
	}
}
