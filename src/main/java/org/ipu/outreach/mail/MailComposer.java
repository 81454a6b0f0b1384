package org.ipu.outreach.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.representative.Representative;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;

/**
 * Writes the letters: subject from the i18n/mail bundle, HTML body from templates/mail/&lt;kind&gt;.html,
 * plain-text body from templates/mail/&lt;kind&gt;.txt (kind in kebab case, e.g. first-reminder), in the
 * invitee's letter language, plus the .ics for a registration confirmation.
 *
 * <p>This class only prepares the values a letter shows (formatted dates, language names, ...); every
 * sentence lives in the bundles and every layout in the templates.
 */
@Service
public class MailComposer {

  /** Letters are dated in Geneva. */
  static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

  private static final Set<MailKind> NEED_REPRESENTATIVE =
      EnumSet.of(
          MailKind.ANOTHER_NOMINEE_REQUEST,
          MailKind.NOMINEE_NOT_ACCEPTED,
          MailKind.REGISTRATION_CONFIRMATION,
          MailKind.REGISTRATION_CANCELLED,
          MailKind.REPRESENTATIVE_CANNOT_ATTEND,
          MailKind.JOINING_REMINDER,
          MailKind.SORRY_WE_MISSED_YOU);
  private static final Set<MailKind> TO_REPRESENTATIVE =
      EnumSet.of(
          MailKind.REGISTRATION_CONFIRMATION,
          MailKind.REGISTRATION_CANCELLED,
          MailKind.JOINING_REMINDER,
          MailKind.SORRY_WE_MISSED_YOU);
  /** Letters about a change of the event: to the parliament, or (with a representative) to that person. */
  private static final Set<MailKind> CHANGES = EnumSet.of(MailKind.EVENT_RESCHEDULED, MailKind.EVENT_CANCELLED);
  private static final Set<MailKind> NEED_JOIN_LINK =
      EnumSet.of(MailKind.REGISTRATION_CONFIRMATION, MailKind.JOINING_REMINDER);
  private static final Set<MailKind> NEED_DEADLINE =
      EnumSet.of(
          MailKind.INVITATION,
          MailKind.FIRST_REMINDER,
          MailKind.DEADLINE_REMINDER,
          MailKind.DEADLINE_EXTENDED,
          MailKind.ANOTHER_NOMINEE_REQUEST);

  private static final Pattern THREE_OR_MORE_NEWLINES = Pattern.compile("\n{3,}");
  private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+\n");

  private final MailTemplates templates;
  private final MessageSource messages;
  private final OutreachMailProperties properties;
  private final Clock clock;
  private final CalendarInvitation calendar;

  @Autowired
  public MailComposer(MailTemplates templates, OutreachMailProperties properties, Clock clock) {
    this.templates = Objects.requireNonNull(templates, "templates");
    this.messages = templates.messages();
    this.properties = Objects.requireNonNull(properties, "properties");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.calendar = calendarInvitation(properties, clock);
  }

  /** A composer without Spring (engines and bundles built on the spot), e.g. for tests. */
  public static MailComposer standalone(OutreachMailProperties properties, Clock clock) {
    return new MailComposer(
        MailTemplateConfig.newMailTemplates(MailTemplateConfig.newMessageSource()),
        properties,
        clock);
  }

  /** Organizer of the .ics: the sender (outreach.mail.from), else the reply-to address. */
  private static CalendarInvitation calendarInvitation(OutreachMailProperties properties, Clock clock) {
    if (properties.from() != null) {
      try {
        InternetAddress from = new InternetAddress(properties.from(), true);
        return new CalendarInvitation(clock, from.getPersonal(), from.getAddress());
      } catch (AddressException e) {
        // fall through: the reply-to address still identifies the organizer
      }
    }
    return new CalendarInvitation(clock, null, properties.replyTo());
  }

  /** The template name of a kind: FIRST_REMINDER → "first-reminder". */
  public static String templateName(MailKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The bundle key prefix of a kind: FIRST_REMINDER → "firstReminder". */
  static String messagePrefix(MailKind kind) {
    StringBuilder prefix = new StringBuilder();
    for (String part : kind.name().toLowerCase(Locale.ROOT).split("_")) {
      prefix.append(
          prefix.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return prefix.toString();
  }

  /**
   * Writes one letter.
   *
   * @throws IllegalArgumentException when the context lacks what this kind of letter needs (a
   *     representative, a join link, a reply deadline)
   */
  public ComposedMail compose(MailKind kind, LetterContext ctx) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ctx, "ctx");
    OutreachEvent event = Objects.requireNonNull(ctx.event(), "ctx.event");
    Invitee invitee = Objects.requireNonNull(ctx.invitee(), "ctx.invitee");
    Representative representative = ctx.representative();
    Instant deadline = ctx.replyDeadline() != null ? ctx.replyDeadline() : event.replyDeadline();
    check(kind, ctx, representative, deadline);

    Language language = invitee.language() != null ? invitee.language() : Language.EN;
    Locale locale = language.locale();
    ZoneId eventZone = event.start().getZone();
    ZoneId readerZone = invitee.timeZone() != null ? invitee.timeZone() : eventZone;

    Map<String, Object> vars = new HashMap<>();
    vars.put("lang", language.code());
    vars.put("toRepresentative", TO_REPRESENTATIVE.contains(kind) || (CHANGES.contains(kind) && representative != null));
    vars.put("letterDate", LetterDates.date(clock.instant(), GENEVA, locale));
    vars.put("parliament", invitee.name());
    vars.put("presidentName", blankToNull(invitee.presidentName()));
    vars.put("salutation", blankToNull(invitee.salutation()));
    vars.put("title", event.titleIn(language));
    vars.put("audienceNote", blankToNull(event.audienceNoteIn(language)));
    vars.put("eventDate", LetterDates.date(event.start().toLocalDate(), locale));
    vars.put("eventWhen", LetterDates.eventTime(event.start(), event.end(), locale));
    vars.put(
        "localWhen",
        LetterDates.sameClockTime(readerZone, event.start(), event.end())
            ? null
            : LetterDates.timeIn(readerZone, event.start(), event.end(), locale));
    List<String> languageNames =
        event.interpretationLanguages() == null
            ? List.of()
            : event.interpretationLanguages().stream().map(l -> languageName(l, locale)).toList();
    vars.put("interpretation", blankToNull(list("and", languageNames, locale)));
    vars.put("interpretationChoice", blankToNull(list("or", languageNames, locale)));
    vars.put("deadline", deadline == null ? null : LetterDates.date(deadline, readerZone, locale));
    vars.put("replyTo", properties.replyTo());
    vars.put("signatoryName", blankToNull(event.signatoryName()));
    vars.put("signatoryTitle", signatoryTitle(event.signatoryTitle(), locale));
    vars.put("replyUrl", blankToNull(ctx.replyUrl()));
    vars.put("cannotAttendUrl", blankToNull(ctx.cannotAttendUrl()));
    if (ctx.received() != null) {
      vars.put("declined", ctx.received().declined());
      vars.put(
          "receivedNominees",
          ctx.received().nominees().stream().map(n -> receivedNominee(n, locale)).toList());
      vars.put("declineReason", blankToNull(ctx.received().declineReason()));
    }
    if (ctx.change() != null) {
      vars.put("previousWhen", LetterDates.eventTime(ctx.change().previousStart(), ctx.change().previousEnd(), locale));
      vars.put("changeReason", blankToNull(ctx.change().reason()));
    }
    if (representative != null) {
      vars.put("representativeName", representative.fullName());
      vars.put("nominee", nominee(representative, locale));
      vars.put("joinUrl", blankToNull(representative.joinUrl()));
      vars.put(
          "representativeLanguage",
          representative.interpretationLanguage() == null
              ? null
              : languageName(representative.interpretationLanguage(), locale));
    }

    Object[] subjectArgs = {
      event.titleIn(language),
      vars.get("eventDate"),
      vars.get("deadline"),
      representative == null ? null : representative.fullName()
    };
    String subject = messages.getMessage(messagePrefix(kind) + ".subject", subjectArgs, locale);
    vars.put("subject", subject);

    Context context = new Context(locale, vars);
    String name = templateName(kind);
    String html = templates.html().process(name, context);
    String text = tidyText(templates.text().process(name, context));

    ComposedMail.Attachment attachment = null;
    if (kind == MailKind.REGISTRATION_CONFIRMATION || kind == MailKind.REGISTRATION_CANCELLED
        || (CHANGES.contains(kind) && representative != null)) {
      String description =
          messages.getMessage(
              "calendar.description",
              new Object[] {representative.joinUrl(), vars.get("interpretation")},
              locale);
      attachment =
          calendar.attachment(
              event, representative, description, ctx.scheduleSequence(),
              kind == MailKind.EVENT_CANCELLED || kind == MailKind.REGISTRATION_CANCELLED);
    }
    return new ComposedMail(subject, text, html, attachment);
  }

  private static void check(MailKind kind, LetterContext ctx, Representative representative, Instant deadline) {
    if (kind == MailKind.REPLY_RECEIVED && ctx.received() == null) {
      throw new IllegalArgumentException(kind + " needs the reply it confirms");
    }
    if (CHANGES.contains(kind) && ctx.change() == null) {
      throw new IllegalArgumentException(kind + " needs the change it announces");
    }
    if (NEED_REPRESENTATIVE.contains(kind) && representative == null) {
      throw new IllegalArgumentException(kind + " needs the representative it is about");
    }
    if (NEED_JOIN_LINK.contains(kind)
        && (representative.joinUrl() == null || representative.joinUrl().isBlank())) {
      throw new IllegalArgumentException(
          kind + " needs the join link of representative " + representative.id());
    }
    if (NEED_DEADLINE.contains(kind) && deadline == null) {
      throw new IllegalArgumentException(kind + " needs a reply deadline");
    }
  }

  private String languageName(Language language, Locale locale) {
    return messages.getMessage("language." + language.name(), null, locale);
  }

  /** "Ana Pérez (Senator, Chair of the Human Rights Committee)", or the name alone. */
  private String nominee(Representative representative, Locale locale) {
    String function = blankToNull(representative.functionTitle());
    return function == null
        ? representative.fullName()
        : messages.getMessage(
            "nominee.withFunction", new Object[] {representative.fullName(), function}, locale);
  }

  /** "Ana Pérez (Senator), ana@example.org, Member of Parliament, interpretation: Spanish". */
  private String receivedNominee(Representative.Nomination n, Locale locale) {
    return messages.getMessage(
        "replyReceived.nominee",
        new Object[] {
          n.fullName(),
          n.functionTitle(),
          n.email(),
          messages.getMessage("replyReceived.role." + n.role().name(), null, locale),
          n.interpretationLanguage() == null ? "" : languageName(n.interpretationLanguage(), locale)
        },
        locale);
  }

  /** A known title in the letter's language ("Secrétaire général"), otherwise as given. */
  private String signatoryTitle(String title, Locale locale) {
    if (title == null || title.isBlank()) {
      return null;
    }
    String key =
        "signatory."
            + title.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    return messages.getMessage(key, null, title.trim(), locale);
  }

  /**
   * "English, French and Spanish" / "inglés, francés y español" / "español e inglés": CLDR-style
   * list patterns from the bundle (list.and.* or list.or.*).
   */
  String list(String type, List<String> items, Locale locale) {
    int n = items.size();
    if (n == 0) {
      return "";
    }
    if (n == 1) {
      return items.get(0);
    }
    String prefix = "list." + type + ".";
    String lastKey = n == 2 ? "pair" : "end";
    if (euphonic(type, items.get(n - 1))) {
      lastKey += ".euphonic";
    }
    String result = items.get(n - 1);
    result = message(prefix + lastKey, items.get(n - 2), result, locale);
    for (int i = n - 3; i >= 0; i--) {
      result = message(prefix + (i == 0 ? "start" : "middle"), items.get(i), result, locale);
    }
    return result;
  }

  private String message(String key, String first, String second, Locale locale) {
    return messages.getMessage(key, new Object[] {first, second}, locale);
  }

  /**
   * Whether the last item starts with the sound that changes the conjunction in Spanish: an "i"
   * sound for "and" (y → e: "español e inglés"), an "o" sound for "or" (o → u). The bundles of
   * other languages give the same text for both variants.
   */
  private static boolean euphonic(String type, String word) {
    String w =
        Normalizer.normalize(word, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    if (w.startsWith("h")) {
      w = w.substring(1);
    }
    if (type.equals("and")) {
      // "i"/"hi" but not a diphthong such as "hierro", "yodo"
      return w.startsWith("i") && !(w.length() > 1 && "aeiou".indexOf(w.charAt(1)) >= 0);
    }
    return w.startsWith("o");
  }

  private static String tidyText(String text) {
    String unified = text.replace("\r\n", "\n");
    String noTrailing = TRAILING_BLANKS.matcher(unified).replaceAll("\n");
    return THREE_OR_MORE_NEWLINES.matcher(noTrailing).replaceAll("\n\n").strip() + "\n";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
