package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.flywaydb.core.Flyway;
import org.ipu.outreach.support.RecordingSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox sender's pacing, connection reuse and timeouts, measured on the SMTP server's side. Runs on
 * an in-memory H2 with our migrations, without the engine (nothing here reaches it).
 */
class OutboxPacingTest {

  JdbcTemplate jdbc;
  MailOutbox outbox;
  RecordingSmtpServer server;

  @BeforeEach
  void database() {
    DriverManagerDataSource ds =
        new DriverManagerDataSource("jdbc:h2:mem:pacing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).table("outreach_schema_history").load().migrate();
    jdbc = new JdbcTemplate(ds);
    outbox = new MailOutbox(jdbc);
  }

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void atSixHundredAMinuteMessagesAreSpacedByATenthOfASecondOverOneConnection() {
    server = new RecordingSmtpServer(false);
    enqueue(10);

    assertThat(sender(600, 50, smtp(server.port(), 10_000)).deliverDue()).isEqualTo(10);

    List<RecordingSmtpServer.Received> received = server.received();
    assertThat(received).hasSize(10);
    assertThat(server.connections()).as("SMTP connections for the round").isEqualTo(1);
    assertSpacing(received, Duration.ofMillis(100));
  }

  @Test
  void thePaceHoldsAcrossRounds() {
    server = new RecordingSmtpServer(false);
    enqueue(10);
    OutboxSender sender = sender(600, 5, smtp(server.port(), 10_000));

    assertThat(sender.deliverDue()).isEqualTo(5);
    assertThat(sender.deliverDue()).isEqualTo(5);

    assertThat(server.connections()).as("one connection per round").isEqualTo(2);
    assertSpacing(server.received(), Duration.ofMillis(100));
  }

  @Test
  void withoutALimitARoundSendsEverythingOverOneConnection() {
    server = new RecordingSmtpServer(false);
    enqueue(20);

    assertThat(sender(0, 50, smtp(server.port(), 10_000)).deliverDue()).isEqualTo(20);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aRelayThatNeverAnswersTimesOutAndTheLetterWaitsForItsNextAttempt() {
    server = new RecordingSmtpServer(true);
    enqueue(1);
    long start = System.nanoTime();

    assertThat(sender(0, 50, smtp(server.port(), 500)).deliverDue()).isZero();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    OutboxMail mail = outbox.latest(1).get(0);
    assertThat(mail.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(mail.attempts()).isEqualTo(1);
    assertThat(mail.lastError()).containsIgnoringCase("timed out");
  }

  @Test
  void aLetterWrittenIntoTheOutboxBeforeLettersWereStoredEncodedIsEncodedWhenSent() {
    server = new RecordingSmtpServer(false);
    outbox.enqueue(new MailOutbox.NewMail("old:1", MailKind.INVITATION, "fr", null, "old:1", "president@parliament.example",
        null, new ComposedMail("Invitation à la réunion", "Texte", "<p>Texte</p>", null), null), Instant.now().minusSeconds(1));

    assertThat(sender(0, 50, smtp(server.port(), 10_000)).deliverDue()).isEqualTo(1);

    String data = server.received().get(0).data();
    assertThat(data).contains("Subject: =?UTF-8?").contains("Message-ID: <outbox-").contains("multipart/alternative");
  }

  @Test
  void theSenderKeepsTheApplicationsSessionSettingsAndSendsWithoutNaglesDelay() throws Exception {
    jakarta.mail.Session session = sender(0, 50, smtp(2525, 1234)).sendingSession();

    assertThat(session.getProperty("mail.smtp.timeout")).isEqualTo("1234");
    javax.net.SocketFactory factory = (javax.net.SocketFactory) session.getProperties().get("mail.smtp.socketFactory");
    try (java.net.Socket socket = factory.createSocket()) {
      assertThat(socket.getTcpNoDelay()).as("TCP_NODELAY").isTrue();
    }
  }

  @Test
  void connectReadAndWriteTimeoutsAreConfigured() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties p = yaml.getObject();
    assertThat(p.getProperty("spring.mail.properties.mail.smtp.connectiontimeout")).isEqualTo("10000");
    assertThat(p.getProperty("spring.mail.properties.mail.smtp.timeout")).isEqualTo("30000");
    assertThat(p.getProperty("spring.mail.properties.mail.smtp.writetimeout")).isEqualTo("30000");
  }

  /**
   * Every gap between the starts of two consecutive messages (their MAIL FROM, as the server saw it) is at
   * least the interval, less a little for the network and the server's scheduling; and the whole batch
   * took not much longer than the intervals: the rate is the configured one, not merely below it.
   */
  private static void assertSpacing(List<RecordingSmtpServer.Received> received, Duration interval) {
    long tolerance = Duration.ofMillis(10).toNanos();
    for (int i = 1; i < received.size(); i++) {
      long gap = received.get(i).mailFromNanos() - received.get(i - 1).mailFromNanos();
      assertThat(gap).as("gap before message %d (ns)", i).isGreaterThanOrEqualTo(interval.toNanos() - tolerance);
    }
    long span = received.get(received.size() - 1).acceptedNanos() - received.get(0).acceptedNanos();
    assertThat(Duration.ofNanos(span))
        .as("time for %d intervals", received.size() - 1)
        .isLessThan(interval.multipliedBy(received.size() - 1).plusMillis(300));
  }

  private void enqueue(int n) {
    for (int i = 0; i < n; i++) {
      String to = "president" + i + "@parliament.example";
      ComposedMail letter = new ComposedMail("Letter " + i, "Text " + i, "<p>Text " + i + "</p>", null);
      outbox.enqueue(new MailOutbox.NewMail("pacing:" + i, MailKind.INVITATION, "en", null, "pacing:" + i, to, null,
          letter, new MimeLetters(new JavaMailSenderImpl(), properties(0, 50)).encode(to, null, letter)),
          Instant.now().minusSeconds(1));
    }
  }

  private static JavaMailSenderImpl smtp(int port, int timeoutMillis) {
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    smtp.setHost("127.0.0.1");
    smtp.setPort(port);
    Properties p = new Properties();
    p.setProperty("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
    p.setProperty("mail.smtp.timeout", Integer.toString(timeoutMillis));
    p.setProperty("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
    smtp.setJavaMailProperties(p);
    return smtp;
  }

  private OutboxSender sender(int maxPerMinute, int batchSize, JavaMailSenderImpl smtp) {
    OutreachMailProperties properties = properties(maxPerMinute, batchSize);
    return new OutboxSender(outbox, smtp, properties, new MailIncidents(Mockito.mock(RuntimeService.class)),
        new SenderLease(jdbc), new MimeLetters(smtp, properties));
  }

  private static OutreachMailProperties properties(int maxPerMinute, int batchSize) {
    return new OutreachMailProperties("IPU <postbox@ipu.example.org>", "postbox@ipu.example.org", 5,
        Duration.ofMinutes(1), maxPerMinute, Duration.ofSeconds(5), batchSize, false, 2525, Duration.ofMinutes(5));
  }
}
