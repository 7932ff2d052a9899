package com.blogplatform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The blogging platform. Which modules run in this process is decided by packaging and profile
 * (single jar, auth service, blog service), never by this class: see {@code modules.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BlogPlatformApplication {

	public static void main(String[] args) {
		SpringApplication.run(BlogPlatformApplication.class, args);
	}
}
