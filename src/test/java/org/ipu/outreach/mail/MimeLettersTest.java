package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MimeLettersTest {

  JavaMailSenderImpl smtp = new JavaMailSenderImpl();
  MimeLetters letters = new MimeLetters(smtp, new OutreachMailProperties("IPU <postbox@ipu.example.org>",
      "postbox@ipu.example.org", 5, Duration.ofMinutes(1), 0, Duration.ofSeconds(5), 50, false, 2525,
      Duration.ofMinutes(5)));

  @Test
  void aStoredLetterIsSevenBitTextThatReadsBackAsTheLetterWithTheMessageIdOfItsRow() throws Exception {
    String stored = letters.encode("president@assemblee.example", "secretaire@assemblee.example",
        new ComposedMail("Invitation à la réunion", "Monsieur le Président, …", "<p>Monsieur le Président</p>",
            new ComposedMail.Attachment("reunion.ics", "text/calendar; charset=UTF-8; method=REQUEST", "BEGIN:VCALENDAR")));

    assertThat(stored.chars().allMatch(c -> c < 128)).as("7-bit").isTrue();
    assertThat(stored).doesNotContain("Message-ID");
    OutboxMail row = new OutboxMail(42, "k", MailKind.INVITATION, "fr", null, "k", "president@assemblee.example", null,
        "Invitation à la réunion", "", "", null, stored, OutboxStatus.SENDING, 0, null, null, null, null);
    MimeMessage sent = letters.forDelivery(row, "<outbox-42@ipu.example.org>");

    assertThat(sent.getMessageID()).isEqualTo("<outbox-42@ipu.example.org>");
    assertThat(sent.getSubject()).isEqualTo("Invitation à la réunion");
    assertThat(sent.getAllRecipients()).extracting(Object::toString)
        .containsExactly("president@assemblee.example", "secretaire@assemblee.example");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    sent.writeTo(out);
    MimeMessage received = new MimeMessage(smtp.getSession(), new ByteArrayInputStream(out.toByteArray()));
    assertThat(out.toString(StandardCharsets.US_ASCII)).contains("reunion.ics").contains("Pr=C3=A9sident");
    assertThat(received.getMessageID()).isEqualTo("<outbox-42@ipu.example.org>");
  }

  @Test
  void jakartaMailFindsItsStreamProviderByNameNotByScanningTheClassPath() {
    assertThat(System.getProperty(MimeLetters.STREAM_PROVIDER)).isNotNull();
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(System.getProperty(MimeLetters.STREAM_PROVIDER));
  }
}
