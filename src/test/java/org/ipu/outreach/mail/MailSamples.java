package org.ipu.outreach.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.ipu.outreach.directory.GeopoliticalGroup;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.directory.InviteeKind;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.EventChange;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRole;
import org.ipu.outreach.representative.RepresentativeStatus;

/** Test data shared by the mail tests: the seed letter's event and one invitee per language. */
final class MailSamples {

  static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
  static final String TITLE = "Parliamentary solidarity: Supporting MPs under threat";
  static final String AUDIENCE =
      "The online panel discussion will be open to MPs and parliamentary staff from IPU Member"
          + " Parliaments and to representatives from Associate Members and Permanent Observers.";
  static final Instant REPLY_DEADLINE = Instant.parse("2023-09-15T17:00:00Z");
  static final String JOIN_URL = "https://us06web.zoom.us/w/87012345678?tk=AbC-123&uuid=WN_xyz";
  static final String REPLY_TO = "postbox@ipu.example.org";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2023-08-17T08:00:00Z"), ZURICH);

  private MailSamples() {}

  static OutreachMailProperties properties() {
    return new OutreachMailProperties(
        "Inter-Parliamentary Union <" + REPLY_TO + ">",
        REPLY_TO,
        5,
        Duration.ofMinutes(1),
        0,
        Duration.ofSeconds(5),
        50,
        false,
        2525,
        Duration.ofMinutes(5));
  }

  static OutreachEvent event() {
    return event(
        ZonedDateTime.of(LocalDateTime.of(2023, 9, 26, 15, 0), ZURICH),
        ZonedDateTime.of(LocalDateTime.of(2023, 9, 26, 16, 30), ZURICH),
        List.of(Language.EN, Language.FR, Language.ES));
  }

  static OutreachEvent event(
      ZonedDateTime start, ZonedDateTime end, List<Language> interpretation) {
    return new OutreachEvent(
        "2023-09-solidarity",
        TITLE,
        start,
        end,
        "870 1234 5678",
        interpretation,
        AUDIENCE,
        REPLY_DEADLINE,
        "Martin Chungong",
        "Secretary General");
  }

  /** New Zealand (Pacific/Auckland, a day ahead), Senegal (UTC+0), Argentina (UTC−3). */
  static Invitee invitee(Language language) {
    switch (language) {
      case EN:
        return invitee(
            "NZL", "New Zealand Parliament", "New Zealand", language, "Jane Smith",
            "Dear Madam President,", "Pacific/Auckland");
      case FR:
        return invitee(
            "SEN", "Assemblée nationale du Sénégal", "Sénégal", language, "Amadou Diop",
            "Monsieur le Président,", "Africa/Dakar");
      default:
        return invitee(
            "ARG", "Congreso de la Nación Argentina", "Argentina", language, "María González",
            "Señora Presidenta:", "America/Argentina/Buenos_Aires");
    }
  }

  static Invitee invitee(
      String code, String name, String country, Language language, String president,
      String salutation, String zone) {
    return new Invitee(
        code,
        name,
        country,
        InviteeKind.MEMBER,
        Set.of(GeopoliticalGroup.TWELVE_PLUS),
        language,
        president,
        salutation,
        "president@parliament.example.org",
        "secretary@parliament.example.org",
        ZoneId.of(zone));
  }

  static Representative representative(String fullName) {
    return new Representative(
        42L,
        "campaign-1",
        "ARG",
        fullName,
        "Senator, Chair of the Human Rights Committee",
        RepresentativeRole.MP,
        "Human Rights; Foreign Affairs",
        "ana.perez@senado.example.org",
        Language.ES,
        RepresentativeStatus.REGISTERED,
        "reg-1",
        JOIN_URL,
        null,
        null);
  }

  static LetterContext context(MailKind kind, Invitee invitee, Representative representative) {
    boolean needsRepresentative = kind != MailKind.INVITATION
        && kind != MailKind.FIRST_REMINDER
        && kind != MailKind.DEADLINE_REMINDER;
    LetterContext context =
        new LetterContext(event(), invitee, needsRepresentative ? representative : null, REPLY_DEADLINE);
    if (kind == MailKind.REPLY_RECEIVED) {
      Representative r = representative;
      context =
          context.withReceived(
              new LetterContext.ReceivedReply(
                  List.of(
                      new Representative.Nomination(
                          r.fullName(), r.functionTitle(), r.role(), r.committees(), r.email(),
                          r.interpretationLanguage())),
                  null));
    }
    if (kind == MailKind.EVENT_RESCHEDULED || kind == MailKind.EVENT_CANCELLED) {
      // announced a week earlier than the sample event's times
      context =
          context.withChange(
              new EventChange(
                  7L, event().code(),
                  kind == MailKind.EVENT_CANCELLED ? EventChange.Kind.CANCELLED : EventChange.Kind.RESCHEDULED, 1,
                  event().start().minusDays(7), event().end().minusDays(7), "The plenary session was moved.",
                  "staff", CLOCK.instant()));
    }
    return context;
  }
}
