package com.blogplatform.shared.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before the application sees them (a request line with {@code |} or a
 * space, an invalid or forbidden percent-encoding such as {@code %zz}, {@code %00} or {@code %2F},
 * headers too large, ...) are answered by Tomcat's error report valve, whose default is an HTML
 * page. This installs {@link EnvelopeErrorReportValve} in its place, so they get the contract's
 * envelope like every other failure. Failures inside the application never reach it: they are
 * answered by {@link ApiExceptionHandler} and the security chain's envelope writer first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(TomcatServletWebServerFactory.class)
class TomcatErrorEnvelope {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports(JsonMapper json) {
		return new Customizer(json);
	}

	/**
	 * Ordered last, so it runs after Boot's customizer that adds a plain {@link ErrorReportValve}
	 * (for {@code server.error.include-stacktrace: never}) and can take that valve's place.
	 */
	private record Customizer(JsonMapper json) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof Host host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					// A starting host adds a valve of this class unless one is there: naming ours keeps it
					// from adding Tomcat's plain one behind it, which would answer first, in HTML.
					if (host instanceof StandardHost standard) {
						standard.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
					}
					host.getPipeline().addValve(new EnvelopeErrorReportValve(json));
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}
}
