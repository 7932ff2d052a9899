package com.blogplatform;

import com.blogplatform.shared.embedded.LoopbackInterface;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The blogging platform. Which modules run in this process is decided by packaging and profile
 * (single jar, auth service, blog service), never by this class: see {@code modules.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class BlogPlatformApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BlogPlatformApplication.class);
		application.addListeners(new LoopbackInterface());
		application.run(args);
	}
}
