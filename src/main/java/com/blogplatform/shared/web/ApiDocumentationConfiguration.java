package com.blogplatform.shared.web;

import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves each module's OpenAPI document under the module's own prefix,
 * {@code GET /<module>/v3/api-docs}, so a gateway that routes {@code /auth/} and {@code /blog/}
 * routes the documents with their modules and each split service serves its own. springdoc keeps
 * a group's document at {@code <springdoc.api-docs.path>/<group>}; this forwards to it.
 * <p>
 * The documents are public, as health is: they describe the routes (every one of which still needs
 * its key), and a browser or a code generator fetches them without credentials. Only the exact
 * {@code GET} is open (its chain: {@code shared.security.ApiDocumentsSecurityConfiguration}); the
 * gateway's {@code apikey-auth} plugin exempts the same path.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<GroupedOpenApi> modules;

	private final SpringDocConfigProperties springdoc;

	ApiDocumentationConfiguration(ObjectProvider<GroupedOpenApi> modules, SpringDocConfigProperties springdoc) {
		this.modules = modules;
		this.springdoc = springdoc;
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		modules.orderedStream().forEach(module -> registry.addViewController("/" + module.getGroup() + ApiDocumentation.DOCUMENT_PATH)
			.setViewName("forward:" + springdoc.getApiDocs().getPath() + "/" + module.getGroup()));
	}
}
