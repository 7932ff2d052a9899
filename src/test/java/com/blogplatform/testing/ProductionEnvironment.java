package com.blogplatform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * What profile {@code prod} runs against, on this machine, for the production-shape tests: a
 * PostgreSQL database and login role of the test's own on the machine's server (as
 * {@code deploy/postgres} creates them), a Redis database of its own on the machine's server, a
 * nats-server started with the deployment's configuration ({@code deploy/nats/nats-server.conf}:
 * one user per service), and, since MongoDB cannot be installed here, the MongoDB wire-protocol
 * server as a process of its own. Secrets are generated per run; the JWT key is a PEM file all
 * auth instances share. Each artifact is configured only by the documented environment variables.
 */
public final class ProductionEnvironment implements AutoCloseable {

	public static final String AUTH_NATS_USER = "auth-service";

	public static final String BLOG_NATS_USER = "blog-service";

	private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private final String suffix = HexFormat.of().toHexDigits(UUID.randomUUID().getMostSignificantBits());

	public final Path work;

	public final String database;

	public final String dbUser;

	public final String dbPassword = secret();

	public final String apiKey = "it-" + secret();

	public final String adminEmail = "ops-" + suffix + "@example.com";

	public final String adminPassword = secret();

	public final String authNatsPassword = secret();

	public final String blogNatsPassword = secret();

	public final int redisDatabase;

	public final Path privateKeyFile;

	public final String privateKeyPem;

	public final ServerProcess nats;

	public final MongoWireServer mongo;

	public ProductionEnvironment(Path work, int redisDatabase) {
		this(work, redisDatabase, "prod_shape_");
	}

	/**
	 * With the database and role named {@code <namePrefix><random>} and {@code <namePrefix>auth_<random>},
	 * so that a caller can find and drop what a killed run left behind by its prefix.
	 */
	public ProductionEnvironment(Path work, int redisDatabase, String namePrefix) {
		this.work = work;
		this.database = namePrefix + suffix;
		this.dbUser = namePrefix + "auth_" + suffix;
		this.redisDatabase = redisDatabase;
		try {
			Files.createDirectories(work);
			privateKeyPem = pem(KeyPairGenerator.getInstance("RSA"));
			privateKeyFile = Files.writeString(work.resolve("jwt-private-key.pem"), privateKeyPem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		nats = ServerProcess.nats(Path.of("deploy", "nats", "nats-server.conf"),
				Map.of("NATS_AUTH_USER", AUTH_NATS_USER, "NATS_AUTH_PASSWORD", authNatsPassword, "NATS_BLOG_USER",
						BLOG_NATS_USER, "NATS_BLOG_PASSWORD", blogNatsPassword),
				work.resolve("nats"));
		mongo = new MongoWireServer(work.resolve("mongo-wire-server.log"));
	}

	/** Creates the database and its owner, empties the Redis database, starts NATS and MongoDB. */
	public ProductionEnvironment start() {
		sql("CREATE ROLE " + dbUser + " LOGIN PASSWORD '" + dbPassword + "'", "CREATE DATABASE " + database + " OWNER " + dbUser,
				"REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
		redis("FLUSHDB");
		nats.start();
		mongo.start();
		return this;
	}

	/** The auth service's environment: its database, its NATS user, its secrets. */
	public Map<String, String> authService() {
		return service(auth(), AUTH_NATS_USER, authNatsPassword);
	}

	/** The blog service's environment: MongoDB, Redis and its NATS user; nothing of auth's. */
	public Map<String, String> blogService() {
		return service(blog(), BLOG_NATS_USER, blogNatsPassword);
	}

	private Map<String, String> service(Map<String, String> stores, String natsUser, String natsPassword) {
		Map<String, String> env = common();
		env.putAll(stores);
		env.put("NATS_USER", natsUser);
		env.put("NATS_PASSWORD", natsPassword);
		return env;
	}

	/** The single jar's environment: both modules' stores, no NATS. */
	public Map<String, String> singleJar() {
		Map<String, String> env = common();
		env.remove("NATS_URL");
		env.putAll(auth());
		env.putAll(blog());
		return env;
	}

	private Map<String, String> common() {
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_PROFILES_ACTIVE", "prod");
		env.put("NATS_URL", nats.url());
		return env;
	}

	private Map<String, String> auth() {
		return Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/" + database, "SPRING_DATASOURCE_USERNAME",
				dbUser, "SPRING_DATASOURCE_PASSWORD", dbPassword, "AUTH_BOOTSTRAP_API_KEY", apiKey,
				"AUTH_BOOTSTRAP_ADMIN_EMAIL", adminEmail, "AUTH_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
				"AUTH_TOKEN_PRIVATE_KEY", "file:" + privateKeyFile.toAbsolutePath());
	}

	private Map<String, String> blog() {
		return Map.of("SPRING_MONGODB_URI", mongo.uri("blog_" + suffix), "SPRING_DATA_REDIS_HOST", "127.0.0.1",
				"SPRING_DATA_REDIS_PORT", "6379", "SPRING_DATA_REDIS_DATABASE", String.valueOf(redisDatabase));
	}

	/**
	 * Takes auth's database away (its role may not log in, its connections are closed) or gives it
	 * back: an outage of PostgreSQL as auth sees it, without touching the machine's server.
	 */
	public void databaseReachable(boolean reachable) {
		if (reachable) {
			sql("ALTER ROLE " + dbUser + " LOGIN");
		}
		else {
			sql("ALTER ROLE " + dbUser + " NOLOGIN",
					"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + dbUser + "'");
		}
	}

	/** A client of the API with this deployment's key. */
	public ApiClient client(String baseUrl) {
		return new ApiClient(baseUrl).with("x-api-key", apiKey);
	}

	public Users.TestUser admin(ApiClient auth) {
		return Users.signIn(auth, adminEmail, adminPassword);
	}

	@Override
	public void close() {
		mongo.close();
		nats.close();
		try {
			sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "DROP ROLE IF EXISTS " + dbUser);
		}
		catch (RuntimeException ex) {
			// best effort: a later run uses new names
		}
		redis("FLUSHDB");
	}

	private static void sql(String... statements) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432: " + ex.getMessage(), ex);
		}
	}

	private void redis(String command) {
		try (Socket socket = new Socket("127.0.0.1", 6379); OutputStream out = socket.getOutputStream()) {
			out.write(("SELECT " + redisDatabase + "\r\n" + command + "\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.getInputStream().readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis on 127.0.0.1:6379", ex);
		}
	}

	private static String secret() {
		// Starts with a letter: nats-server reads a value that starts with a digit as a number.
		return "s" + UUID.randomUUID().toString().replace("-", "");
	}

	private static String pem(KeyPairGenerator rsa) {
		rsa.initialize(2048);
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(rsa.generateKeyPair().getPrivate().getEncoded());
		return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
	}
}
