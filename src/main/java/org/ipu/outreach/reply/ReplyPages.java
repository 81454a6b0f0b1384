package org.ipu.outreach.reply;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.mail.LetterDates;
import org.ipu.outreach.mail.OutreachMailProperties;
import org.ipu.outreach.web.PageLocaleResolver;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the reply page (public, and the staff variant) shows: the event as the letter describes it, the
 * current reply and the form, in one of the three languages. Only prepares values; every sentence is in
 * i18n/reply*.properties and the layout in templates/reply/.
 */
@Component
public class ReplyPages {

  private final MessageSource messages;
  private final ReplyPageProperties properties;
  private final OutreachMailProperties mail;

  public ReplyPages(MessageSource messages, ReplyPageProperties properties, OutreachMailProperties mail) {
    this.messages = messages;
    this.properties = properties;
    this.mail = mail;
  }

  /** The page language: ?lang when it names one of the three, else the invitee's letter language. */
  public static Language language(String lang, Language fallback) {
    return Language.parse(lang).orElse(fallback == null ? Language.EN : fallback);
  }

  /**
   * Renders the views of this request in {@code language}, whatever the browser asks for, and keeps the
   * pages out of caches, frames and Referer headers (their address is a personal link).
   */
  public void prepare(HttpServletRequest request, HttpServletResponse response, Language language) {
    PageLocaleResolver.use(request, language.locale());
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'");
  }

  /** Event, invitee and language switch: the top of every page about one invitation. */
  public void describe(Model model, ReplyService.Situation s, Language language, String selfUrl) {
    Locale locale = language.locale();
    OutreachEvent event = s.event();
    Invitee invitee = s.invitee();
    ZoneId eventZone = event.start().getZone();
    ZoneId readerZone = invitee.timeZone() != null ? invitee.timeZone() : eventZone;
    model.addAttribute("lang", language.code());
    model.addAttribute("parliament", invitee.name());
    model.addAttribute("title", event.titleIn(language));
    model.addAttribute("eventWhen", LetterDates.eventTime(event.start(), event.end(), locale));
    model.addAttribute(
        "localWhen",
        LetterDates.sameClockTime(readerZone, event.start(), event.end())
            ? null
            : LetterDates.timeIn(readerZone, event.start(), event.end(), locale));
    List<Language> offered = interpretationLanguages(event);
    model.addAttribute(
        "interpretation", String.join(", ", offered.stream().map(l -> languageName(l, locale)).toList()));
    model.addAttribute("interpretationOptions", options(offered, locale));
    String note = event.audienceNoteIn(language);
    model.addAttribute("audienceNote", note == null || note.isBlank() ? null : note);
    model.addAttribute("deadline", LetterDates.date(s.replyDeadline(), readerZone, locale));
    model.addAttribute("replyTo", mail.replyTo());
    model.addAttribute("stage", s.stage().name());
    model.addAttribute("current", s.currentNominees());
    model.addAttribute("switches", switches(selfUrl, language));
    model.addAttribute("maxNominees", properties.maxNominees());
  }

  /** The form with its entries and, by field, the problems in the page's language. */
  public void form(Model model, ReplyForm form, Map<String, ReplyForm.Problem> problems, Language language,
      String action, String csrf) {
    Map<String, String> texts = new LinkedHashMap<>();
    problems.forEach(
        (field, p) -> texts.put(field, messages.getMessage(p.key(), p.args(), language.locale())));
    model.addAttribute("form", form);
    model.addAttribute("problems", texts);
    model.addAttribute("action", action);
    model.addAttribute("csrf", csrf);
  }

  private static List<Language> interpretationLanguages(OutreachEvent event) {
    List<Language> l = event.interpretationLanguages();
    return l == null || l.isEmpty() ? List.of(Language.values()) : l;
  }

  private List<Map<String, String>> options(List<Language> offered, Locale locale) {
    List<Map<String, String>> options = new ArrayList<>();
    for (Language l : offered) {
      options.add(Map.of("code", l.code(), "name", languageName(l, locale)));
    }
    return options;
  }

  private String languageName(Language l, Locale locale) {
    return messages.getMessage("language." + l.name(), null, locale);
  }

  /** Links to the same page in the other languages, each named in its own language. */
  private List<Map<String, String>> switches(String selfUrl, Language current) {
    List<Map<String, String>> links = new ArrayList<>();
    for (Language l : Language.values()) {
      if (l != current) {
        links.add(
            Map.of(
                "code", l.code(),
                "name", messages.getMessage("language.self", null, l.locale()),
                "url", selfUrl + "?lang=" + l.code()));
      }
    }
    return links;
  }
}
