package com.blogplatform.shared.tracing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request a {@link RequestId} before anything else runs, echoes it in the response
 * and removes it from the thread afterwards.
 * <p>
 * Trace and span ids need nothing of ours: Micrometer Tracing reads the W3C {@code traceparent} and
 * puts both ids in the MDC. The request id is not tracing baggage because it must be checked
 * before it reaches a log line (baggage would be taken from the header as sent) and echoed to the
 * client, which is what this filter is for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = RequestId.adoptOrCreate(request.getHeader(RequestId.HEADER));
		MDC.put(RequestId.MDC_KEY, id);
		response.setHeader(RequestId.HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestId.MDC_KEY);
		}
	}
}
