package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.OutreachEvent;
import org.junit.jupiter.api.Test;

/** A letter names the event in its own language when the event has a translation for it. */
class EventTranslationLetterTest {

  final MailComposer composer = MailComposer.standalone(MailSamples.properties(), MailSamples.CLOCK);

  static OutreachEvent translated() {
    OutreachEvent e = MailSamples.event();
    return new OutreachEvent(
        e.code(), e.title(), e.start(), e.end(), e.meetingId(), e.interpretationLanguages(), e.audienceNote(),
        e.replyDeadline(), e.signatoryName(), e.signatoryTitle(),
        Map.of(Language.FR, new OutreachEvent.Translation(
            "La solidarité parlementaire : soutenir les parlementaires menacés",
            "Les parlementaires et le personnel parlementaire des Parlements membres.")));
  }

  private ComposedMail invitation(Language language) {
    return composer.compose(
        MailKind.INVITATION,
        new LetterContext(translated(), MailSamples.invitee(language), null, MailSamples.REPLY_DEADLINE));
  }

  @Test
  void aFrenchLetterUsesTheFrenchTitleAndAudience() {
    ComposedMail mail = invitation(Language.FR);
    assertThat(mail.subject()).contains("La solidarité parlementaire : soutenir les parlementaires menacés");
    assertThat(mail.text())
        .contains("Les parlementaires et le personnel parlementaire des Parlements membres.")
        .doesNotContain("Parliamentary solidarity");
  }

  @Test
  void aLetterInALanguageWithoutTranslationUsesTheEventsOwnTexts() {
    ComposedMail mail = invitation(Language.ES);
    assertThat(mail.subject()).contains(MailSamples.event().title());
    assertThat(mail.text()).contains(MailSamples.event().audienceNote());
  }
}
