package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipu.outreach.mail.MailKind.ANOTHER_NOMINEE_REQUEST;
import static org.ipu.outreach.mail.MailKind.DEADLINE_EXTENDED;
import static org.ipu.outreach.mail.MailKind.DEADLINE_REMINDER;
import static org.ipu.outreach.mail.MailKind.EVENT_CANCELLED;
import static org.ipu.outreach.mail.MailKind.EVENT_RESCHEDULED;
import static org.ipu.outreach.mail.MailKind.FIRST_REMINDER;
import static org.ipu.outreach.mail.MailKind.INVITATION;
import static org.ipu.outreach.mail.MailKind.JOINING_REMINDER;
import static org.ipu.outreach.mail.MailKind.NOMINEE_NOT_ACCEPTED;
import static org.ipu.outreach.mail.MailKind.REGISTRATION_CONFIRMATION;
import static org.ipu.outreach.mail.MailKind.SORRY_WE_MISSED_YOU;
import static org.ipu.outreach.mail.MailKind.THANK_YOU;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.representative.Representative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every letter in every language, read the way a recipient would: language, salutation, times,
 * interpretation, how to reply, join link, signature; escaping of data in HTML.
 */
class MailComposerTest {

  private static final MailComposer composer =
      MailComposer.standalone(MailSamples.properties(), MailSamples.CLOCK);

  /** In the samples the change letters go to a representative (MailSamples.context). */
  private static final Set<MailKind> TO_REPRESENTATIVE =
      EnumSet.of(REGISTRATION_CONFIRMATION, MailKind.REGISTRATION_CANCELLED, JOINING_REMINDER, SORRY_WE_MISSED_YOU,
          EVENT_RESCHEDULED, EVENT_CANCELLED);
  /** Signed by the secretariat rather than the Secretary General. */
  private static final Set<MailKind> FROM_SECRETARIAT =
      EnumSet.of(
          REGISTRATION_CONFIRMATION, MailKind.REGISTRATION_CANCELLED, MailKind.REPRESENTATIVE_CANNOT_ATTEND,
          JOINING_REMINDER, SORRY_WE_MISSED_YOU, MailKind.REPLY_RECEIVED, EVENT_RESCHEDULED, EVENT_CANCELLED);
  private static final Set<MailKind> WITH_TIMES =
      EnumSet.of(
          INVITATION, FIRST_REMINDER, DEADLINE_REMINDER, DEADLINE_EXTENDED, ANOTHER_NOMINEE_REQUEST,
          REGISTRATION_CONFIRMATION, JOINING_REMINDER, EVENT_RESCHEDULED);
  private static final Set<MailKind> WITH_INTERPRETATION =
      EnumSet.of(
          INVITATION, FIRST_REMINDER, DEADLINE_REMINDER, DEADLINE_EXTENDED, REGISTRATION_CONFIRMATION,
          JOINING_REMINDER);
  private static final Set<MailKind> WITH_HOW_TO_REPLY =
      EnumSet.of(INVITATION, FIRST_REMINDER, DEADLINE_REMINDER, DEADLINE_EXTENDED, ANOTHER_NOMINEE_REQUEST);
  private static final Set<MailKind> WITH_JOIN_LINK =
      EnumSet.of(REGISTRATION_CONFIRMATION, JOINING_REMINDER);

  /** What a reader of each language sees. */
  private record Reading(
      Map<MailKind, String> subjectStarts,
      String representativeSalutation,
      String eventWhen,
      String localWhen,
      String interpretation,
      String deadline,
      String signatoryTitle,
      String secretariat,
      String howToReplyHeading) {}

  private static final Map<Language, Reading> READINGS =
      Map.of(
          Language.EN,
          new Reading(
              Map.ofEntries(
                  Map.entry(INVITATION, "Invitation: online panel discussion “" + MailSamples.TITLE + "”, 26 September 2023"),
                  Map.entry(FIRST_REMINDER, "Reminder: invitation to the online panel discussion “"),
                  Map.entry(DEADLINE_REMINDER, "Reply requested by 16 September 2023: online panel discussion “"),
                  Map.entry(DEADLINE_EXTENDED, "Reply deadline extended to 16 September 2023: online panel discussion “"),
                  Map.entry(ANOTHER_NOMINEE_REQUEST, "Online panel discussion “"),
                  Map.entry(NOMINEE_NOT_ACCEPTED, "Online panel discussion “"),
                  Map.entry(REGISTRATION_CONFIRMATION, "Registration confirmed: online panel discussion “"),
                  Map.entry(MailKind.REGISTRATION_CANCELLED, "Registration cancelled: online panel discussion “"),
                  Map.entry(MailKind.REPRESENTATIVE_CANNOT_ATTEND, "Ana Pérez cannot attend: online panel discussion “"),
                  Map.entry(JOINING_REMINDER, "Starting soon: online panel discussion “"),
                  Map.entry(THANK_YOU, "Thank you: online panel discussion “"),
                  Map.entry(SORRY_WE_MISSED_YOU, "We missed you: online panel discussion “"),
                  Map.entry(MailKind.REPLY_RECEIVED, "Your reply about the online panel discussion “"),
                  Map.entry(EVENT_RESCHEDULED, "New date and time: online panel discussion “"),
                  Map.entry(EVENT_CANCELLED, "Cancelled: online panel discussion “")),
              "Dear Ana Pérez,",
              "26 September 2023, 15:00–16:30 CEST",
              "27 September 2023, 02:00–03:30 UTC+13:00 (Pacific/Auckland)",
              "English, French and Spanish",
              "16 September 2023",
              "Secretary General",
              "The IPU Secretariat",
              "How to reply"),
          Language.FR,
          new Reading(
              Map.ofEntries(
                  Map.entry(INVITATION, "Invitation : débat en ligne « " + MailSamples.TITLE + " », 26 septembre 2023"),
                  Map.entry(FIRST_REMINDER, "Rappel : invitation au débat en ligne « "),
                  Map.entry(DEADLINE_REMINDER, "Réponse attendue d’ici au 15 septembre 2023 : débat en ligne « "),
                  Map.entry(DEADLINE_EXTENDED, "Date limite de réponse reportée au 15 septembre 2023 : débat en ligne « "),
                  Map.entry(ANOTHER_NOMINEE_REQUEST, "Débat en ligne « "),
                  Map.entry(NOMINEE_NOT_ACCEPTED, "Débat en ligne « "),
                  Map.entry(REGISTRATION_CONFIRMATION, "Inscription confirmée : débat en ligne « "),
                  Map.entry(MailKind.REGISTRATION_CANCELLED, "Inscription annulée : débat en ligne « "),
                  Map.entry(MailKind.REPRESENTATIVE_CANNOT_ATTEND, "Ana Pérez ne pourra pas participer : débat en ligne « "),
                  Map.entry(JOINING_REMINDER, "Début imminent : débat en ligne « "),
                  Map.entry(THANK_YOU, "Remerciements : débat en ligne « "),
                  Map.entry(SORRY_WE_MISSED_YOU, "Nous regrettons votre absence : débat en ligne « "),
                  Map.entry(MailKind.REPLY_RECEIVED, "Votre réponse concernant le débat en ligne « "),
                  Map.entry(EVENT_RESCHEDULED, "Nouvelle date et heure : débat en ligne « "),
                  Map.entry(EVENT_CANCELLED, "Annulation : débat en ligne « ")),
              "Madame, Monsieur,",
              "26 septembre 2023, 15 h 00 – 16 h 30 CEST",
              "26 septembre 2023, 13 h 00 – 14 h 30 UTC+00:00 (Africa/Dakar)",
              "anglais, français et espagnol",
              "15 septembre 2023",
              "Secrétaire général",
              "Le Secrétariat de l’UIP",
              "Comment répondre"),
          Language.ES,
          new Reading(
              Map.ofEntries(
                  Map.entry(INVITATION, "Invitación: debate en línea «" + MailSamples.TITLE + "», 26 de septiembre de 2023"),
                  Map.entry(FIRST_REMINDER, "Recordatorio: invitación al debate en línea «"),
                  Map.entry(DEADLINE_REMINDER, "Respuesta solicitada a más tardar el 15 de septiembre de 2023: debate en línea «"),
                  Map.entry(DEADLINE_EXTENDED, "Plazo de respuesta prorrogado hasta el 15 de septiembre de 2023: debate en línea «"),
                  Map.entry(ANOTHER_NOMINEE_REQUEST, "Debate en línea «"),
                  Map.entry(NOMINEE_NOT_ACCEPTED, "Debate en línea «"),
                  Map.entry(REGISTRATION_CONFIRMATION, "Inscripción confirmada: debate en línea «"),
                  Map.entry(MailKind.REGISTRATION_CANCELLED, "Inscripción cancelada: debate en línea «"),
                  Map.entry(MailKind.REPRESENTATIVE_CANNOT_ATTEND, "Ana Pérez no podrá participar: debate en línea «"),
                  Map.entry(JOINING_REMINDER, "Comienza en breve: debate en línea «"),
                  Map.entry(THANK_YOU, "Agradecimiento: debate en línea «"),
                  Map.entry(SORRY_WE_MISSED_YOU, "Lamentamos no haber contado con su presencia: debate en línea «"),
                  Map.entry(MailKind.REPLY_RECEIVED, "Su respuesta sobre el debate en línea “"),
                  Map.entry(EVENT_RESCHEDULED, "Nueva fecha y hora: debate en línea «"),
                  Map.entry(EVENT_CANCELLED, "Cancelación: debate en línea «")),
              "Estimado/a Ana Pérez:",
              "26 de septiembre de 2023, 15:00–16:30 CEST",
              "26 de septiembre de 2023, 10:00–11:30 UTC\u221203:00 (America/Argentina/Buenos_Aires)",
              "inglés, francés y español",
              "15 de septiembre de 2023",
              "Secretario General",
              "La Secretaría de la UIP",
              "Cómo responder"));

  static Stream<Arguments> everyLetter() {
    List<Arguments> all = new ArrayList<>();
    for (Language language : Language.values()) {
      for (MailKind kind : MailKind.values()) {
        all.add(Arguments.of(language, kind));
      }
    }
    return all.stream();
  }

  private static ComposedMail compose(MailKind kind, Invitee invitee, Representative representative) {
    return composer.compose(kind, MailSamples.context(kind, invitee, representative));
  }

  private static ComposedMail compose(Language language, MailKind kind) {
    return compose(kind, MailSamples.invitee(language), MailSamples.representative("Ana Pérez"));
  }

  /** The body texts a reader sees: the plain text, and the HTML as a browser would show it. */
  private static List<String> bodies(ComposedMail mail) {
    return List.of(plain(mail.text()), plain(visible(mail.html())));
  }

  /** No-break spaces (French typography) read as spaces. */
  static String plain(String text) {
    return text.replace('\u00a0', ' ');
  }

  /** The HTML's body text: tags dropped, entities decoded, white space collapsed. */
  static String visible(String html) {
    return html.replaceAll("(?s)<head>.*</head>", " ")
        .replaceAll("<[^>]+>", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replaceAll("[ \\t\\r\\n]+", " ");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyLetter")
  void readsRightInItsLanguage(Language language, MailKind kind) {
    Reading reading = READINGS.get(language);
    Invitee invitee = MailSamples.invitee(language);
    ComposedMail mail = compose(language, kind);

    assertThat(plain(mail.subject()))
        .startsWith(reading.subjectStarts().get(kind))
        .contains(MailSamples.TITLE);
    if (kind == NOMINEE_NOT_ACCEPTED) {
      assertThat(mail.subject()).endsWith("Ana Pérez");
    }

    for (String body : bodies(mail)) {
      assertThat(body).contains(MailSamples.TITLE);
      assertThat(body)
          .contains(TO_REPRESENTATIVE.contains(kind) ? reading.representativeSalutation() : invitee.salutation());
      if (WITH_TIMES.contains(kind)) {
        assertThat(body).contains(reading.eventWhen()).contains(reading.localWhen());
      }
      if (WITH_INTERPRETATION.contains(kind)) {
        assertThat(body).contains(reading.interpretation());
      }
      if (WITH_HOW_TO_REPLY.contains(kind)) {
        assertThat(body)
            .contains(reading.howToReplyHeading())
            .contains(MailSamples.REPLY_TO)
            .contains(reading.deadline());
      }
      if (FROM_SECRETARIAT.contains(kind)) {
        assertThat(body).contains(reading.secretariat()).doesNotContain("Martin Chungong");
      } else {
        assertThat(body).contains("Martin Chungong").contains(reading.signatoryTitle());
      }
    }

    if (WITH_JOIN_LINK.contains(kind)) {
      assertThat(mail.text()).contains(MailSamples.JOIN_URL);
      assertThat(mail.html())
          .contains("href=\"" + MailSamples.JOIN_URL.replace("&", "&amp;") + "\"");
    } else {
      assertThat(mail.text() + mail.html()).doesNotContain("zoom.us/w/");
    }

    boolean cancels = kind == EVENT_CANCELLED || kind == MailKind.REGISTRATION_CANCELLED;
    if (kind == REGISTRATION_CONFIRMATION || kind == EVENT_RESCHEDULED || cancels) {
      assertThat(mail.attachment()).isNotNull();
      assertThat(mail.attachment().fileName()).isEqualTo("invitation.ics");
      assertThat(mail.attachment().contentType())
          .isEqualTo("text/calendar; charset=UTF-8; method=" + (cancels ? "CANCEL" : "REQUEST"));
      assertThat(mail.attachment().content())
          .contains("DTSTART:20230926T130000Z")
          .contains("UID:2023-09-solidarity-42@outreach.ipu.org");
    } else {
      assertThat(mail.attachment()).isNull();
    }
  }

  @Test
  void theReplyReceivedLetterRepeatsTheNomineesOrTheDeclineWithItsReason() {
    Invitee invitee = MailSamples.invitee(Language.EN);
    ComposedMail nominated = composer.compose(MailKind.REPLY_RECEIVED, MailSamples.context(MailKind.REPLY_RECEIVED, invitee, MailSamples.representative("Ana Pérez")));
    for (String body : bodies(nominated)) {
      assertThat(body).contains("Your Parliament has nominated:").contains("Ana Pérez (").contains("Member of Parliament")
          .doesNotContain("unable to take part");
    }
    ComposedMail declined =
        composer.compose(
            MailKind.REPLY_RECEIVED,
            new LetterContext(MailSamples.event(), invitee, null, MailSamples.REPLY_DEADLINE)
                .withReceived(new LetterContext.ReceivedReply(List.of(), "Budget <b>session</b>")));
    for (String body : bodies(declined)) {
      assertThat(body).contains("Your Parliament has let us know that it is unable to take part.")
          .contains("Reason given: Budget <b>session</b>").doesNotContain("has nominated");
    }
    assertThat(declined.html()).contains("Budget &lt;b&gt;session&lt;/b&gt;");
  }

  @Test
  void aLetterWithAReplyLinkShowsItNextToTheEMailAddress() {
    String url = "https://outreach.example.org/reply/abc";
    ComposedMail mail =
        composer.compose(
            INVITATION,
            new LetterContext(MailSamples.event(), MailSamples.invitee(Language.ES), null, MailSamples.REPLY_DEADLINE)
                .withReplyUrl(url));
    assertThat(mail.text()).contains("También puede responder en línea").contains(url);
    assertThat(mail.html()).contains("href=\"" + url + "\"");
    assertThat(compose(Language.ES, INVITATION).text()).doesNotContain("responder en línea");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyLetter")
  void leavesNothingUnresolved(Language language, MailKind kind) {
    ComposedMail mail = compose(language, kind);
    for (String s : List.of(mail.subject(), mail.text(), mail.html())) {
      assertThat(s)
          .doesNotContain("??")
          .doesNotContain("null")
          .doesNotContain("[(")
          .doesNotContain("[#")
          .doesNotContain("${")
          .doesNotContain("#{")
          .doesNotContain(" th:")
          .doesNotContain("xmlns:th");
    }
    assertThat(mail.subject()).doesNotContain("{").doesNotContain("\n");
    assertThat(mail.text()).doesNotContain("{").doesNotContain("}");
    assertThat(mail.text()).doesNotContainPattern("</?[a-zA-Z][^>]*>").doesNotContain("&amp;").doesNotContain("&lt;");
    assertThat(mail.text()).doesNotContain("\n\n\n").endsWith("\n").doesNotStartWith("\n");
    assertThat(mail.html())
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"" + language.code() + "\">")
        .contains("<title>");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(MailKind.class)
  void escapesDataInHtmlButNotInText(MailKind kind) {
    String evil = "<script>alert(1)</script>";
    Invitee invitee =
        MailSamples.invitee("XSS", evil, "Nowhere", Language.EN, evil, evil, "Pacific/Auckland");
    ComposedMail mail = compose(kind, invitee, MailSamples.representative(evil));

    assertThat(mail.html())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script");
    assertThat(mail.text()).contains(evil);
  }

  @Test
  void invitationReadsLikeTheSeedLetter() {
    ComposedMail mail = compose(Language.EN, INVITATION);
    for (String body : bodies(mail)) {
      assertThat(body)
          .contains("Inter-Parliamentary Union")
          .contains("For democracy. For everyone.")
          .contains("Geneva, 17 August 2023")
          .contains("To: ")
          .contains("Jane Smith")
          .contains("IPU Group – New Zealand Parliament")
          .contains("invite your Parliament to join an online panel discussion on “" + MailSamples.TITLE + "”")
          .contains("Zoom virtual meeting platform")
          .contains(MailSamples.AUDIENCE)
          .contains("at least one representative from your Parliament can attend")
          .contains("which will take place on 26 September 2023, 15:00–16:30 CEST.")
          .contains("Simultaneous interpretation will be provided in English, French and Spanish.")
          .contains("In your time zone, this corresponds to 27 September 2023, 02:00–03:30 UTC+13:00 (Pacific/Auckland).")
          .contains("Please reply by e-mail to postbox@ipu.example.org by 16 September 2023")
          .contains("full name")
          .contains("function")
          .contains("Member of Parliament or parliamentary staff")
          .contains("parliamentary committees")
          .contains("e-mail address")
          .contains("preferred interpretation language (English, French or Spanish)")
          .contains("If your Parliament is unable to take part")
          .contains("Yours sincerely,")
          .contains("Martin Chungong")
          .contains("Secretary General");
    }
  }

  @Test
  void frenchAndSpanishInvitationsAskForAtLeastOneRepresentative() {
    assertThat(plain(compose(Language.FR, INVITATION).text()))
        .contains("Monsieur le Président,")
        .contains("qu’au moins un représentant de votre Parlement puisse participer")
        .contains("qui aura lieu le 26 septembre 2023, 15 h 00 – 16 h 30 CEST.")
        .contains("L’interprétation simultanée sera assurée en anglais, français et espagnol.")
        .contains("d’ici au 15 septembre 2023")
        .contains("Genève, le 17 août 2023");
    assertThat(compose(Language.ES, INVITATION).text())
        .contains("Señora Presidenta:")
        .contains("al menos un representante de su Parlamento pueda asistir")
        .contains("que tendrá lugar el 26 de septiembre de 2023, 15:00–16:30 CEST.")
        .contains("Se ofrecerá interpretación simultánea en inglés, francés y español.")
        .contains("a más tardar el 15 de septiembre de 2023")
        .contains("Ginebra, 17 de agosto de 2023");
  }

  @Test
  void frenchTypographyKeepsNoBreakSpaces() {
    ComposedMail mail = compose(Language.FR, INVITATION);
    assertThat(mail.subject()).startsWith("Invitation\u00a0: débat en ligne «\u00a0Parliamentary");
    assertThat(mail.text()).contains("«\u00a0" + MailSamples.TITLE + "\u00a0»");
    assertThat(mail.html()).contains("«\u00a0" + MailSamples.TITLE + "\u00a0»");
  }

  @Test
  void registrationConfirmationNamesTheRepresentativesInterpretationLanguage() {
    assertThat(compose(Language.FR, REGISTRATION_CONFIRMATION).text())
        .contains("Votre langue d’interprétation\u00a0: espagnol");
  }

  @Test
  void spanishListsSayEBeforeIngles() {
    OutreachEvent event =
        MailSamples.event(
            MailSamples.event().start(), MailSamples.event().end(), List.of(Language.ES, Language.EN));
    String es = composeWith(event, Language.ES, INVITATION).text();
    assertThat(es)
        .contains("interpretación simultánea en español e inglés.")
        .contains("idioma de interpretación preferido (español o inglés)");
    assertThat(composeWith(event, Language.FR, INVITATION).text()).contains("en espagnol et anglais.");
    assertThat(composeWith(event, Language.EN, INVITATION).text()).contains("in Spanish and English.");
  }

  @Test
  void oneInterpretationLanguageOrNone() {
    OutreachEvent english =
        MailSamples.event(MailSamples.event().start(), MailSamples.event().end(), List.of(Language.EN));
    assertThat(composeWith(english, Language.FR, INVITATION).text())
        .contains("assurée en anglais.")
        .contains("langue d’interprétation souhaitée (anglais).");

    OutreachEvent none =
        MailSamples.event(MailSamples.event().start(), MailSamples.event().end(), List.of());
    ComposedMail mail = composeWith(none, Language.EN, INVITATION);
    assertThat(mail.text())
        .doesNotContain("Simultaneous interpretation")
        .doesNotContain("preferred interpretation language");
    assertThat(composeWith(none, Language.EN, REGISTRATION_CONFIRMATION).html())
        .doesNotContain("Simultaneous interpretation");
  }

  @Test
  void noSecondTimeWhenTheReaderKeepsTheEventsClock() {
    Invitee geneva =
        MailSamples.invitee("CHE", "Swiss Parliament", "Switzerland", Language.FR, "Pierre Dupont",
            "Monsieur le Président,", "Europe/Paris");
    ComposedMail mail = compose(INVITATION, geneva, null);
    assertThat(mail.text())
        .contains("26 septembre 2023, 15 h 00 – 16 h 30 CEST")
        .doesNotContain("Dans votre fuseau horaire")
        .doesNotContain("UTC+");
  }

  @Test
  void defaultSalutationWhenTheDirectoryHasNone() {
    Invitee noSalutation =
        MailSamples.invitee("ZZZ", "Parliament", "Country", Language.ES, null, " ", "Europe/Madrid");
    ComposedMail mail = compose(INVITATION, noSalutation, null);
    assertThat(mail.text()).contains("Señora Presidenta, Señor Presidente:").contains("A: Grupo de la UIP – Parliament");
  }

  @Test
  void thankYouWithoutRepresentativeNamesNobody() {
    ComposedMail with = compose(Language.EN, THANK_YOU);
    assertThat(with.text())
        .contains("We were pleased to welcome Ana Pérez (Senator, Chair of the Human Rights Committee) among the participants.");
    ComposedMail without =
        composer.compose(
            THANK_YOU,
            new LetterContext(MailSamples.event(), MailSamples.invitee(Language.EN), null, null));
    assertThat(without.text()).doesNotContain("We were pleased to welcome").contains("held on 26 September 2023");
  }

  @Test
  void unknownSignatoryTitleIsPrintedAsGiven() {
    OutreachEvent base = MailSamples.event();
    OutreachEvent event =
        new OutreachEvent(base.code(), base.title(), base.start(), base.end(), base.meetingId(),
            base.interpretationLanguages(), base.audienceNote(), base.replyDeadline(),
            "Jane Roe", "Director, Division of Programmes");
    assertThat(composeWith(event, Language.FR, INVITATION).text())
        .contains("Jane Roe\nDirector, Division of Programmes");
  }

  @Test
  void contextDeadlineWinsOverTheEventsAndIsRequiredWhereTheLetterAsksForAReply() {
    Instant later = Instant.parse("2023-09-20T12:00:00Z");
    ComposedMail mail =
        composer.compose(
            FIRST_REMINDER,
            new LetterContext(MailSamples.event(), MailSamples.invitee(Language.EN), null, later));
    assertThat(mail.text()).contains("by 21 September 2023");

    OutreachEvent base = MailSamples.event();
    OutreachEvent noDeadline =
        new OutreachEvent(base.code(), base.title(), base.start(), base.end(), base.meetingId(),
            base.interpretationLanguages(), base.audienceNote(), null, base.signatoryName(),
            base.signatoryTitle());
    assertThatThrownBy(
            () -> composer.compose(
                INVITATION,
                new LetterContext(noDeadline, MailSamples.invitee(Language.EN), null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadline");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = MailKind.class,
      names = {"ANOTHER_NOMINEE_REQUEST", "NOMINEE_NOT_ACCEPTED", "REGISTRATION_CONFIRMATION",
          "JOINING_REMINDER", "SORRY_WE_MISSED_YOU"})
  void lettersAboutARepresentativeNeedOne(MailKind kind) {
    LetterContext ctx =
        new LetterContext(MailSamples.event(), MailSamples.invitee(Language.EN), null,
            MailSamples.REPLY_DEADLINE);
    assertThatThrownBy(() -> composer.compose(kind, ctx))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("representative");
  }

  @Test
  void englishLetterOnAFrenchServerStaysEnglish() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.FRENCH);
      MailComposer fresh = MailComposer.standalone(MailSamples.properties(), MailSamples.CLOCK);
      ComposedMail mail =
          fresh.compose(INVITATION, MailSamples.context(INVITATION, MailSamples.invitee(Language.EN), null));
      assertThat(mail.subject()).startsWith("Invitation: online panel discussion");
      assertThat(mail.text()).contains("Yours sincerely,").doesNotContain("Veuillez");
    } finally {
      Locale.setDefault(saved);
    }
  }

  private static ComposedMail composeWith(OutreachEvent event, Language language, MailKind kind) {
    Representative ana = MailSamples.representative("Ana Pérez");
    return composer.compose(
        kind,
        new LetterContext(
            event,
            MailSamples.invitee(language),
            kind == INVITATION ? null : ana,
            MailSamples.REPLY_DEADLINE));
  }

  @Test
  void templateAndMessageNames() {
    assertThat(MailComposer.templateName(ANOTHER_NOMINEE_REQUEST)).isEqualTo("another-nominee-request");
    assertThat(MailComposer.messagePrefix(SORRY_WE_MISSED_YOU)).isEqualTo("sorryWeMissedYou");
    assertThat(ZoneId.of("Europe/Zurich")).isEqualTo(MailComposer.GENEVA);
  }
}
