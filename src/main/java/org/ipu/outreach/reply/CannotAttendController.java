package org.ipu.outreach.reply;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /cannot-attend/{token}}: the page behind a representative's "I cannot attend" link. Opening it
 * changes nothing (mail scanners open links); the button sends the withdrawal to the invitation, which
 * cancels the registration and tells the parliament (event sub-process "Representative cannot attend").
 */
@Controller
class CannotAttendController {

  private static final String CSRF = "cannotAttendCsrf";

  private final CannotAttendLinks links;
  private final RepresentativeRepository representatives;
  private final ReplyService replies;
  private final ReplyPages pages;
  private final FormTokens forms;

  CannotAttendController(
      CannotAttendLinks links, RepresentativeRepository representatives, ReplyService replies, ReplyPages pages,
      FormTokens forms) {
    this.links = links;
    this.representatives = representatives;
    this.replies = replies;
    this.pages = pages;
    this.forms = forms;
  }

  @GetMapping("/cannot-attend/{token}")
  String show(@PathVariable String token, @RequestParam(required = false) String lang,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Opened opened = open(token, lang, request, response, model);
    if (opened == null) {
      return notFound(response);
    }
    return confirmation(opened, token, false, model);
  }

  @PostMapping("/cannot-attend/{token}")
  String withdraw(@PathVariable String token, @RequestParam(required = false) String lang,
      @RequestParam(name = CSRF, required = false) String csrf,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Opened opened = open(token, lang, request, response, model);
    if (opened == null) {
      return notFound(response);
    }
    if (!forms.valid(purpose(token), csrf)) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      return confirmation(opened, token, true, model);
    }
    boolean withdrawn = opened.withdrawable();
    if (withdrawn) {
      opened.situation().instance().representativeCannotAttend(opened.representative().id());
    }
    model.addAttribute("withdrawable", false);
    model.addAttribute("withdrawn", withdrawn);
    return "reply/cannot-attend";
  }

  /** The representative a link is for and where their invitation stands; null for an unknown link. */
  private record Opened(Representative representative, ReplyService.Situation situation) {

    /** Registered, before the event's end, with the invitation still running. */
    boolean withdrawable() {
      ReplyService.Stage stage = situation.stage();
      return representative.status() == RepresentativeStatus.REGISTERED
          && (stage == ReplyService.Stage.REGISTERED || stage == ReplyService.Stage.SUBSTITUTES_UNDER_REVIEW);
    }
  }

  private Opened open(String token, String lang, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    Optional<Representative> found = links.representativeId(token).flatMap(representatives::find);
    if (found.isEmpty()) {
      return null;
    }
    Representative r = found.get();
    ReplyService.Situation s = replies.situation(r.campaignId(), r.inviteeCode());
    Language language = ReplyPages.language(lang, r.interpretationLanguage());
    pages.prepare(request, response, language);
    pages.describe(model, s, language, "/cannot-attend/" + token);
    model.addAttribute("representativeName", r.fullName());
    model.addAttribute("action", "/cannot-attend/" + token + "?lang=" + language.code());
    return new Opened(r, s);
  }

  private String confirmation(Opened opened, String token, boolean expired, Model model) {
    model.addAttribute("withdrawable", opened.withdrawable());
    model.addAttribute("withdrawn", false);
    model.addAttribute("expired", expired);
    model.addAttribute("csrf", forms.issue(purpose(token)));
    return "reply/cannot-attend";
  }

  private static String notFound(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "reply/not-found";
  }

  /** The page's form token is bound to this link (by its representative), never reusable for another. */
  private static String purpose(String token) {
    return "cannot-attend-form|" + token;
  }
}
