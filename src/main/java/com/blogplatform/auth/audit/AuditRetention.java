package com.blogplatform.auth.audit;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Audit rows older than {@code auth.audit.retention} are deleted on a schedule, on every instance. */
@Component
class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcTemplate jdbc;

	private final AuditProperties properties;

	private final Clock clock;

	AuditRetention(JdbcTemplate jdbc, AuditProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Idempotent, so instances running it at the same time do no harm. */
	@Scheduled(fixedDelayString = "${auth.audit.cleanup-interval:PT1H}", initialDelayString = "PT2M")
	void onSchedule() {
		deleteExpired();
	}

	int deleteExpired() {
		int deleted = jdbc.update("DELETE FROM security_audit WHERE at < ?",
				Timestamp.from(clock.instant().minus(properties.retention())));
		if (deleted > 0) {
			log.info("Deleted {} security audit row(s) older than {}", deleted, properties.retention());
		}
		return deleted;
	}
}
