package org.ipu.outreach.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
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
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README promises that {@code java -jar target/*.jar} behaves like {@code mvn spring-boot:run}.
 * Resources are found differently inside the executable jar, so this starts the real jar (after the
 * package phase) with the default profile and checks what a newcomer would see.
 */
class PackagedJarIT {

  static Process app;
  static int port;
  static Path log;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startTheJar() throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("event-outreach-.*\\.jar")).findFirst().orElseThrow();
    }
    port = freePort();
    int smtp = freePort();
    log = Files.createTempFile("packaged-jar", ".log");
    app = new ProcessBuilder(List.of(
            javaExecutable(), "-jar", jar.toString(),
            "--server.port=" + port,
            "--spring.datasource.url=jdbc:h2:mem:packaged-jar;DB_CLOSE_DELAY=-1",
            "--outreach.mail.embedded-smtp-port=" + smtp,
            "--spring.mail.port=" + smtp))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (!Files.readString(log).contains("Event outreach demo is running")) {
      assertThat(app.isAlive()).as("the application exited; its log: %s", log).isTrue();
      assertThat(Instant.now()).as("the application did not start in time; its log: %s", log).isBefore(deadline);
      Thread.sleep(500);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.destroy();
      app.waitFor();
    }
  }

  @Test
  void theProcessesAndTheirFormsAreDeployed() throws Exception {
    String definitions = get("/engine-rest/process-definition", "demo");
    assertThat(definitions).contains("\"key\":\"campaign\"").contains("\"key\":\"parliament-invitation\"");
    assertThat(get("/engine-rest/process-definition/key/campaign/deployed-start-form", "demo"))
        .contains("campaign-start");
  }

  @Test
  void theDemoUsersAndDataAreThere() throws Exception {
    assertThat(get("/api/directory", "staff")).contains("\"code\":\"UG\"");
    assertThat(get("/engine-rest/task", "manager")).startsWith("[");
  }

  @Test
  void theWebappsAndOurPagesAnswer() throws Exception {
    HttpResponse<String> tasklist = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.body()).contains("Tasklist");
    assertThat(get("/app/mails", "staff")).contains("<h1>Mail</h1>");
  }

  private static String get(String path, String user) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + user).getBytes(StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return r.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
  }
}
