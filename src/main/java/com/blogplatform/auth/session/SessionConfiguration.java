package com.blogplatform.auth.session;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Expired session rows are cleaned up on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SessionConfiguration {
}
