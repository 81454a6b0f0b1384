package org.ipu.outreach.reply;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reply form for staff, behind login (/app/*): a reply that came by e-mail or letter, recorded on
 * the parliament's behalf, also after the deadline (the parliament answered the follow-up). Linked from
 * the follow-up task. Same checks, same process effects and the same confirmation mail as the public page.
 */
@Controller
public class StaffReplyController {

  private final ReplyService replies;
  private final ReplyPages pages;
  private final FormTokens formTokens;
  private final StaffAccess staff;
  private final IdentityService identity;
  private final ReplyPageProperties properties;

  public StaffReplyController(
      ReplyService replies, ReplyPages pages, FormTokens formTokens, StaffAccess staff, IdentityService identity,
      ReplyPageProperties properties) {
    this.replies = replies;
    this.pages = pages;
    this.formTokens = formTokens;
    this.staff = staff;
    this.identity = identity;
    this.properties = properties;
  }

  @GetMapping("/app/replies/{campaignId}/{inviteeCode}")
  public String show(
      @PathVariable String campaignId, @PathVariable String inviteeCode, @RequestParam(required = false) String lang,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    staff.require();
    ReplyService.Situation s = situation(campaignId, inviteeCode);
    Language language = ReplyPages.language(lang, Language.EN);
    String closed = describe(s, language, request, response, model);
    if (closed != null) {
      return closed;
    }
    pages.form(
        model,
        ReplyForm.prefill(
            s.currentNominees(),
            properties.nomineeRows()),
        Map.of(), language, action(s, language), formTokens.issue(purpose(s)));
    return "reply/page";
  }

  @PostMapping("/app/replies/{campaignId}/{inviteeCode}")
  public String submit(
      @PathVariable String campaignId, @PathVariable String inviteeCode, @RequestParam(required = false) String lang,
      @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model) {
    staff.require();
    ReplyService.Situation s = situation(campaignId, inviteeCode);
    Language language = ReplyPages.language(lang, Language.EN);
    String closed = describe(s, language, request, response, model);
    if (closed != null) {
      return closed;
    }
    ReplyForm form = ReplyForm.parse(params, properties.maxNominees() + 1);
    String csrf = formTokens.issue(purpose(s));
    if (!formTokens.valid(purpose(s), params.get("csrf"))) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      pages.form(model, form, Map.of("form", new ReplyForm.Problem("error.csrf")), language, action(s, language), csrf);
      return "reply/page";
    }
    if ("add".equals(params.get("action"))) {
      pages.form(model, form.withAnotherRow(properties.maxNominees()), Map.of(), language, action(s, language), csrf);
      return "reply/page";
    }
    ReplyForm.Checked checked = form.check(properties.maxNominees());
    if (!checked.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      pages.form(model, form, checked.problems(), language, action(s, language), csrf);
      return "reply/page";
    }
    try {
      replies.replyFromPage(campaignId, inviteeCode, checked.nominees(), checked.declineReason(), true);
    } catch (ReplyClosedException e) {
      ReplyService.Situation now = situation(campaignId, inviteeCode);
      describe(now, language, request, response, model);
      model.addAttribute("why", now.closedBecause());
      return "reply/closed";
    }
    return "redirect:/app/replies/" + campaignId + "/" + inviteeCode + "/done?lang=" + language.code();
  }

  @GetMapping("/app/replies/{campaignId}/{inviteeCode}/done")
  public String done(
      @PathVariable String campaignId, @PathVariable String inviteeCode, @RequestParam(required = false) String lang,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    staff.require();
    ReplyService.Situation s = situation(campaignId, inviteeCode);
    Language language = ReplyPages.language(lang, Language.EN);
    pages.prepare(request, response, language);
    pages.describe(model, s, language, base(s) + "/done");
    model.addAttribute("back", base(s) + "?lang=" + language.code());
    return "reply/done";
  }

  private ReplyService.Situation situation(String campaignId, String inviteeCode) {
    try {
      return replies.situation(campaignId, inviteeCode);
    } catch (IllegalStateException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No invitation of '" + inviteeCode + "' in campaign '" + campaignId + "'.");
    }
  }

  private String describe(
      ReplyService.Situation s, Language language, HttpServletRequest request, HttpServletResponse response, Model model) {
    pages.prepare(request, response, language);
    pages.describe(model, s, language, base(s));
    model.addAttribute("staffUser", identity.getCurrentAuthentication().getUserId());
    if (!s.open(true)) {
      model.addAttribute("why", s.closedBecause());
      return "reply/closed";
    }
    return null;
  }

  private static String base(ReplyService.Situation s) {
    return "/app/replies/" + s.campaign().id() + "/" + s.invitee().code();
  }

  private static String action(ReplyService.Situation s, Language language) {
    return base(s) + "?lang=" + language.code();
  }

  /** Bound to the logged-in user and the invitation, so that no other site can post it with their login. */
  private String purpose(ReplyService.Situation s) {
    return "staff|" + identity.getCurrentAuthentication().getUserId() + "|" + s.campaign().id() + "|" + s.invitee().code();
  }
}
