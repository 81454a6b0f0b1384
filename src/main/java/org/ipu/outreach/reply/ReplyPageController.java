package org.ipu.outreach.reply;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.directory.Language;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.ipu.outreach.monitoring.LogContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The parliaments' own reply page, reached through the personal link in their letters: no login, the
 * link is the key. Unknown links get 404 (and count against the client's allowance of wrong guesses),
 * expired links 410. Nothing on these pages is logged: neither the link nor what was typed.
 */
@Controller
class ReplyPageController {

  /** Request attribute: this client was refused before its link was even looked up. */
  private static final String BLOCKED = ReplyPageController.class.getName() + ".blocked";

  private final ReplyTokens tokens;
  private final ReplyService replies;
  private final ReplyPages pages;
  private final ReplyFormHandler form;
  private final WrongTokenLimiter limiter;
  private final ReplyPageProperties properties;

  ReplyPageController(
      ReplyTokens tokens,
      ReplyService replies,
      ReplyPages pages,
      ReplyFormHandler form,
      WrongTokenLimiter limiter,
      ReplyPageProperties properties) {
    this.tokens = tokens;
    this.replies = replies;
    this.pages = pages;
    this.form = form;
    this.limiter = limiter;
    this.properties = properties;
  }

  @GetMapping("/reply/{token}")
  public String show(
      @PathVariable String token,
      @RequestParam(required = false) String lang,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Opened opened = open(token, lang, request, response);
    if (opened == null) {
      return unknown(request, response);
    }
    ReplyService.Situation s = opened.situation();
    Language language = opened.language();
    String done = usable(opened, token, request, response, model);
    if (done != null) {
      return done;
    }
    return form.show(s, language, door(token, language), model);
  }

  @PostMapping("/reply/{token}")
  public String submit(
      @PathVariable String token,
      @RequestParam(required = false) String lang,
      @RequestParam Map<String, String> params,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Opened opened = open(token, lang, request, response);
    if (opened == null) {
      return unknown(request, response);
    }
    ReplyService.Situation s = opened.situation();
    Language language = opened.language();
    String done = usable(opened, token, request, response, model);
    if (done != null) {
      return done;
    }
    // the situation may change between showing and sending (e.g. staff confirmed meanwhile)
    return form.submit(s, language, door(token, language), params, response, model,
        () -> closed(replies.situation(s.campaign().id(), s.invitee().code()), model));
  }

  @GetMapping("/reply/{token}/done")
  public String done(
      @PathVariable String token,
      @RequestParam(required = false) String lang,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Opened opened = open(token, lang, request, response);
    if (opened == null) {
      return unknown(request, response);
    }
    ReplyService.Situation s = opened.situation();
    Language language = opened.language();
    pages.prepare(request, response, language);
    pages.describe(model, s, language, "/reply/" + token + "/done");
    model.addAttribute("back", "/reply/" + token + "?lang=" + language.code());
    return "reply/done";
  }

  /** What a known link opens: its grant, where the invitation stands, and the page's language. */
  private record Opened(ReplyTokens.Grant grant, ReplyService.Situation situation, Language language) {}

  /** Null for an unknown link (and for every link of a blocked client): the caller shows {@link #unknown}. */
  private Opened open(String token, String lang, HttpServletRequest request, HttpServletResponse response) {
    Optional<ReplyTokens.Grant> grant = grant(token, request, response);
    if (grant.isEmpty()) {
      return null;
    }
    LogContext.invitation(grant.get().campaignId(), grant.get().inviteeCode());
    ReplyService.Situation s = replies.situation(grant.get().campaignId(), grant.get().inviteeCode());
    return new Opened(grant.get(), s, ReplyPages.language(lang, s.invitee().language()));
  }

  /** The grant of a known link; empty (and counted) for an unknown one, and for every link of a blocked client. */
  private Optional<ReplyTokens.Grant> grant(String token, HttpServletRequest request, HttpServletResponse response) {
    String client = request.getRemoteAddr();
    if (limiter.blocked(client)) {
      request.setAttribute(BLOCKED, Boolean.TRUE);
      return Optional.empty();
    }
    Optional<ReplyTokens.Grant> grant = tokens.find(token);
    if (grant.isEmpty()) {
      limiter.wrongToken(client);
    }
    return grant;
  }

  private String unknown(HttpServletRequest request, HttpServletResponse response) {
    pages.prepare(request, response, Language.EN);
    boolean blocked = request.getAttribute(BLOCKED) != null;
    response.setStatus(blocked ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.NOT_FOUND.value());
    if (blocked) {
      response.setHeader("Retry-After", String.valueOf(properties.wrongTokenWindow().toSeconds()));
    }
    return blocked ? "reply/too-many" : "reply/not-found";
  }

  /** Null when the page may show the form; otherwise the view that says why not. */
  private String usable(
      Opened opened, String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    ReplyService.Situation s = opened.situation();
    pages.prepare(request, response, opened.language());
    pages.describe(model, s, opened.language(), "/reply/" + token);
    if (opened.grant().expiredAt(ClockUtil.getCurrentTime().toInstant())) {
      response.setStatus(HttpStatus.GONE.value());
      model.addAttribute("why", "expired");
      return "reply/closed";
    }
    if (!s.open(ReplyChannel.REPLY_PAGE)) {
      return closed(s, model);
    }
    return null;
  }

  private String closed(ReplyService.Situation s, Model model) {
    model.addAttribute("stage", s.stage().name());
    model.addAttribute("current", s.currentNominees());
    model.addAttribute("why", s.closedBecause());
    return "reply/closed";
  }

  private static ReplyFormHandler.Door door(String token, Language language) {
    return new ReplyFormHandler.Door(
        "/reply/" + token + "?lang=" + language.code(), purpose(token), ReplyChannel.REPLY_PAGE, null,
        "/reply/" + token + "/done?lang=" + language.code());
  }

  /** What the form token of a public page is bound to: this link (by its hash, never the link itself). */
  private static String purpose(String token) {
    return "reply|" + ReplyTokens.hash(token);
  }
}
