package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ipu.outreach.directory.Language;
import org.junit.jupiter.api.Test;

/**
 * Writes every letter in every language to target/mail-preview/ (open the .html files in a browser,
 * read the .txt files) so that a person can proof-read them.
 */
class MailPreviewTest {

  @Test
  void writesEveryLetterForProofReading() throws IOException {
    MailComposer composer = MailComposer.standalone(MailSamples.properties(), MailSamples.CLOCK);
    Path dir = Path.of("target", "mail-preview");
    Files.createDirectories(dir);
    for (Language language : Language.values()) {
      for (MailKind kind : MailKind.values()) {
        ComposedMail mail =
            composer.compose(
                kind,
                MailSamples.context(
                    kind, MailSamples.invitee(language), MailSamples.representative("Ana Pérez")));
        String base = language.code() + "-" + MailComposer.templateName(kind);
        Files.writeString(
            dir.resolve(base + ".txt"),
            "Subject: " + mail.subject() + "\n\n" + mail.text(),
            StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(base + ".html"), mail.html(), StandardCharsets.UTF_8);
        if (mail.attachment() != null) {
          Files.writeString(
              dir.resolve(base + ".ics"), mail.attachment().content(), StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(dir.resolve("en-invitation.html")).exists();
  }
}
