package com.blogplatform.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * What every module's OpenAPI document has in common, so that a module declares only its name and
 * what it knows alone (e.g. which routes are rate limited): the envelope as a schema, the
 * {@code x-api-key} and bearer security schemes, and, for each route, which of them it needs and
 * the failures it can answer.
 * <p>
 * Security is derived from the running security configuration, not restated per route: every route
 * needs the {@code x-api-key} but {@code GET <prefix>/health} (as {@code shared.security.ApiSecurity}
 * does it; that package answers in this one's envelope, so this one does not use it back); a
 * route needs a bearer token when its handler takes the {@link AuthenticationPrincipal} or when the
 * chain's authorization rules grant it to a role only, which Spring Security's
 * {@link WebInvocationPrivilegeEvaluator} answers for each role the module names. A new controller
 * therefore comes out documented right without an annotation; {@code ApiDocumentationTests} checks
 * every documented requirement against the routes' real answers.
 */
@Component
public class ApiDocumentation {

	/** Where a module's document is served: under its own prefix, so a gateway routes it with the module. */
	public static final String DOCUMENT_PATH = "/v3/api-docs";

	static final String API_KEY = "apiKey";

	static final String BEARER = "bearer";

	static final String FAILURE_SCHEMA = "Failure";

	/** {@code ApiSecurity.API_KEY_HEADER}. */
	static final String API_KEY_HEADER = "x-api-key";

	private static final Authentication WITHOUT_ROLES = UsernamePasswordAuthenticationToken.authenticated("api-documentation",
			null, List.of());

	private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

	ApiDocumentation(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
		this.privileges = privileges;
	}

	/**
	 * The document of the module whose routes live under {@code /<name>}, served at
	 * {@code /<name>}{@value #DOCUMENT_PATH}; {@code roles} are the role names its authorization
	 * rules may ask for. The module may add its own customizers to the returned builder; they run
	 * after these.
	 */
	public GroupedOpenApi.Builder module(String name, String title, String description, Collection<String> roles) {
		String prefix = "/" + name;
		return GroupedOpenApi.builder()
			.group(name)
			.displayName(title)
			.pathsToMatch(prefix, prefix + "/**")
			.addOperationCustomizer((operation, handler) -> bearerForPrincipal(operation, handler))
			.addOpenApiCustomizer(openApi -> document(openApi, title, description, List.copyOf(roles)));
	}

	/** Adds (or replaces) the failure {@code status} to {@code operation}, the envelope with {@code message} as its example. */
	public static void failure(Operation operation, int status, String description, String message) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		Map<String, Object> example = Map.of("code", ApiResponse.FAILURE, "status", status, "message", message);
		operation.getResponses()
			.addApiResponse(String.valueOf(status), new io.swagger.v3.oas.models.responses.ApiResponse().description(description)
				.content(new Content().addMediaType("application/json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + FAILURE_SCHEMA)).example(example))));
	}

	/** A route whose handler takes the authenticated user is one the chain authenticates with a bearer token. */
	private static Operation bearerForPrincipal(Operation operation, HandlerMethod handler) {
		boolean principal = Arrays.stream(handler.getMethodParameters())
			.anyMatch(parameter -> parameter.hasParameterAnnotation(AuthenticationPrincipal.class));
		if (principal) {
			operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY).addList(BEARER)));
		}
		return operation;
	}

	private void document(OpenAPI openApi, String title, String description, List<String> roles) {
		openApi.info(new Info().title(title).version("1.0.0").description(description));
		// Relative to where the document is served: the gateway, or the instance itself.
		openApi.servers(List.of(new Server().url("/").description("the host that served this document")));
		components(openApi);
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
			.forEach((method, operation) -> route(path, method, operation, roles)));
	}

	private static void components(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		Components components = openApi.getComponents();
		components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.HEADER)
			.name(API_KEY_HEADER)
			.description("An active API key, on every route but GET /<module>/health and the documents."));
		components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("The access token of POST /auth/signin/basic or /auth/signup/basic (data.tokens.accessToken)."));
		components.addSchemas(FAILURE_SCHEMA, new ObjectSchema()
			.description("The envelope of every failure.")
			.addProperty("code", new StringSchema()._enum(List.of(ApiResponse.FAILURE)))
			.addProperty("status", new IntegerSchema().description("The HTTP status, repeated."))
			.addProperty("message", new StringSchema().description("What was wrong, e.g. \"email must be a valid email\"."))
			.required(List.of("code", "status", "message")));
		if (components.getSchemas() != null) {
			components.getSchemas().forEach((name, schema) -> {
				if (name.startsWith(ApiResponse.class.getSimpleName())) {
					envelope(schema, name.endsWith("Void"));
				}
			});
		}
	}

	/** The success envelope springdoc derived from {@code ResponseEntity<ApiResponse<T>>}, described. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void envelope(Schema schema, boolean withoutData) {
		schema.description("The envelope of every success: code 10000, the HTTP status, a message and, where there is one, data.");
		Map<String, Schema> properties = schema.getProperties();
		if (withoutData && properties != null) {
			// ApiResponse<Void>: data is omitted, never null.
			properties.remove("data");
		}
		if (properties != null && properties.get("code") != null) {
			properties.get("code")._enum(List.of(ApiResponse.SUCCESS));
		}
		schema.required(properties == null ? List.of() : properties.keySet().stream().filter(name -> !"data".equals(name)).toList());
	}

	private void route(String path, PathItem.HttpMethod method, Operation operation, List<String> roles) {
		if (method == PathItem.HttpMethod.GET && path.matches("^/[^/]+/health$")) {
			// Open to probes, and answers 200 only.
			operation.setSecurity(List.of());
			return;
		}
		List<String> granting = grantingRoles(path, method, roles);
		boolean bearer = granting != null || requires(operation, BEARER);
		operation.setSecurity(List.of(bearer ? new SecurityRequirement().addList(API_KEY).addList(BEARER)
				: new SecurityRequirement().addList(API_KEY)));
		boolean body = operation.getRequestBody() != null;
		if (body || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
			failure(operation, 400, "A parameter or a field of the body breaks its rule (the message names it), "
					+ "or the body is not the JSON object this route reads.", "email must be a valid email");
		}
		failure(operation, 401, bearer
				? "The x-api-key header is missing, or the Authorization header is missing or its access token invalid or expired."
				: "The x-api-key header is missing.", "x-api-key header is missing");
		failure(operation, 403, granting == null ? "The x-api-key is not an active key."
				: "The x-api-key is not an active key, or the user lacks the role " + String.join(" or ", granting) + ".",
				"permission denied: invalid x-api-key");
		if (body) {
			failure(operation, 413, "The body is larger than the limit (512 KiB).", "request body is too large");
			failure(operation, 415, "The body is not sent as application/json.", "content type must be application/json");
		}
		failure(operation, 503, "A store this route needs, or the authentication service, is unavailable: retry later.",
				"authentication service unavailable, try again later");
		if (granting != null && !granting.isEmpty()) {
			String note = "Requires the role " + String.join(" or ", granting) + ".";
			operation.setDescription(operation.getDescription() == null ? note : operation.getDescription() + " " + note);
		}
	}

	/**
	 * The roles that open a route the chain closes to a user without roles, or {@code null} when
	 * any authenticated caller passes (or no security configuration is there to ask).
	 */
	private List<String> grantingRoles(String path, PathItem.HttpMethod method, List<String> roles) {
		WebInvocationPrivilegeEvaluator evaluator = privileges.getIfAvailable();
		if (evaluator == null) {
			return null;
		}
		String uri = path.replaceAll("\\{[^/}]+}", "x");
		if (evaluator.isAllowed("", uri, method.name(), WITHOUT_ROLES)) {
			return null;
		}
		return roles.stream()
			.filter(role -> evaluator.isAllowed("", uri, method.name(),
					UsernamePasswordAuthenticationToken.authenticated("api-documentation", null,
							AuthorityUtils.createAuthorityList("ROLE_" + role))))
			.toList();
	}

	private static boolean requires(Operation operation, String scheme) {
		return operation.getSecurity() != null
				&& operation.getSecurity().stream().filter(Objects::nonNull).anyMatch(requirement -> requirement.containsKey(scheme));
	}
}
