package org.ipu.outreach.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real executable jar in its own JVM, so that a test can kill it as an operator's {@code kill -9}
 * would ({@link Process#destroyForcibly()} is SIGKILL on Linux) and start it again on the same database.
 * Runs after the package phase (failsafe, *IT).
 */
public final class AppJvm implements AutoCloseable {

  /** The password of the prod environment's administrator; every other user's password is its id. */
  public static final String ADMIN_PASSWORD = "admin-Passw0rd-for-tests";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String name;
  private final Map<String, String> env;
  private final List<String> args;
  private final int port;
  private Process process;
  private Path log;

  /**
   * @param env environment of the application (e.g. the prod profile's DATABASE_URL, SMTP_HOST)
   * @param args further Spring Boot arguments, e.g. "--outreach.mail.poll-interval=PT1S"
   */
  public AppJvm(String name, Map<String, String> env, List<String> args) {
    this.name = name;
    this.env = new LinkedHashMap<>(env);
    this.args = List.copyOf(args);
    this.port = freePort();
  }

  /** Environment of the prod profile for a local PostgreSQL and a local SMTP server without TLS. */
  public static Map<String, String> prodEnvironment(String jdbcUrl, int smtpPort) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_PROFILES_ACTIVE", "prod");
    env.put("DATABASE_URL", jdbcUrl);
    env.put("DATABASE_USER", "postgres");
    env.put("DATABASE_PASSWORD", "postgres");
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", Integer.toString(smtpPort));
    env.put("SMTP_AUTH", "false");
    env.put("SMTP_STARTTLS", "false");
    env.put("MAIL_FROM", "Inter-Parliamentary Union <postbox@ipu.test>");
    env.put("MAIL_REPLY_TO", "postbox@ipu.test");
    env.put("MAIL_MAX_PER_MINUTE", "0");
    // the prod profile refuses localhost links, an unnamed meeting platform and a demo-like administrator
    env.put("PUBLIC_BASE_URL", "https://outreach.ipu.test");
    env.put("MEETING_PLATFORM", "simulator");
    env.put("CAMUNDA_BPM_ADMINUSER_ID", "admin");
    env.put("CAMUNDA_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD);
    return env;
  }

  public AppJvm start() {
    try {
      log = Files.createTempFile("app-" + name + "-", ".log");
      List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-jar", jar().toString(),
          "--server.port=" + port));
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      process = builder.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for Spring Boot's "Started" line; fails with the log's path when the JVM exits or is too slow. */
  public AppJvm awaitStarted(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!Files.readString(log).contains("Started OutreachApplication")) {
      if (!process.isAlive()) {
        throw new AssertionError("the application " + name + " exited; its log: " + log);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the application " + name + " did not start in time; its log: " + log);
      }
      Thread.sleep(300);
    }
    return this;
  }

  /** SIGKILL: no shutdown hook, no transaction committed, no connection closed politely. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  public HttpResponse<String> call(String method, String path, String user, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (user != null) {
      String password = user.equals(env.get("CAMUNDA_BPM_ADMINUSER_ID")) ? env.get("CAMUNDA_BPM_ADMINUSER_PASSWORD") : user;
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A call that must succeed (2xx); returns the body. */
  public String ok(String method, String path, String user, String contentType, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> r = call(method, path, user, contentType, body);
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body()
          + " (log: " + log + ")");
    }
    return r.body();
  }

  public static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("event-outreach-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no executable jar in target/: run mvn package first"));
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
        .toString();
  }
}
