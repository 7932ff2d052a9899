package com.blogplatform.auth.audit;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every {@link SecurityEvent} becomes one line on the {@value #LOGGER} logger (INFO for a success,
 * WARN otherwise), {@code key=value}, and a row of the audit table ({@link AuditTrail}). Runs on the
 * publishing thread, so the line carries that request's MDC; the row is written off that thread.
 * The event holds no secret and no e-mail (only its hash), so neither does the line.
 */
@Component
class SecurityLog {

	/** The logger name, so operators can route security lines to their own appender. */
	static final String LOGGER = "security";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	/** Values written bare; anything else is quoted and escaped, so a value cannot forge a key. */
	private static final Pattern BARE = Pattern.compile("[A-Za-z0-9._:%/\\[\\]-]{1,200}");

	private final AuditTrail trail;

	SecurityLog(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(SecurityEvent event) {
		if (event.outcome() == SecurityEvent.Outcome.SUCCESS) {
			log.info(line(event));
		}
		else {
			log.warn(line(event));
		}
		trail.append(event);
	}

	static String line(SecurityEvent event) {
		StringBuilder line = new StringBuilder(160);
		append(line, "action", event.action());
		append(line, "outcome", event.outcome());
		append(line, "user", event.userId());
		append(line, "account", event.account());
		append(line, "client", event.clientAddress());
		append(line, "request", event.requestId());
		append(line, "detail", event.detail());
		return line.toString();
	}

	private static void append(StringBuilder line, String key, Object value) {
		if (!line.isEmpty()) {
			line.append(' ');
		}
		line.append(key).append('=');
		String text = value == null ? "-" : value.toString();
		if (BARE.matcher(text).matches()) {
			line.append(text);
			return;
		}
		line.append('"');
		text.codePoints().limit(200).forEach(c -> {
			switch (c) {
				case '"' -> line.append("\\\"");
				case '\\' -> line.append("\\\\");
				default -> {
					if (Character.isISOControl(c)) {
						line.append(String.format("\\u%04x", c));
					}
					else {
						line.appendCodePoint(c);
					}
				}
			}
		});
		line.append('"');
	}
}
