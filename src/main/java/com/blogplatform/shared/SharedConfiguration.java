package com.blogplatform.shared;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Infrastructure every module may use.
 */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	/** Time as a dependency, so tests can pin it. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}
}
