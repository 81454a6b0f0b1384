package org.ipu.outreach.reply;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.ipu.outreach.NotFoundException;
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
 * the follow-up task. The same form handler, and so the same checks, process effects and confirmation
 * mail as the public page; the staff member is recorded as the reply's author.
 */
@Controller
class StaffReplyController {

  private final ReplyService replies;
  private final ReplyPages pages;
  private final ReplyFormHandler form;
  private final StaffAccess staff;

  StaffReplyController(ReplyService replies, ReplyPages pages, ReplyFormHandler form, StaffAccess staff) {
    this.replies = replies;
    this.pages = pages;
    this.form = form;
    this.staff = staff;
  }

  @GetMapping("/app/replies/{campaignId}/{inviteeCode}")
  public String show(
      @PathVariable String campaignId, @PathVariable String inviteeCode, @RequestParam(required = false) String lang,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    String user = staff.require();
    ReplyService.Situation s = situation(campaignId, inviteeCode);
    Language language = ReplyPages.language(lang, Language.EN);
    String closed = describe(s, language, user, request, response, model);
    return closed != null ? closed : form.show(s, language, door(s, language, user), model);
  }

  @PostMapping("/app/replies/{campaignId}/{inviteeCode}")
  public String submit(
      @PathVariable String campaignId, @PathVariable String inviteeCode, @RequestParam(required = false) String lang,
      @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model) {
    String user = staff.require();
    ReplyService.Situation s = situation(campaignId, inviteeCode);
    Language language = ReplyPages.language(lang, Language.EN);
    String closed = describe(s, language, user, request, response, model);
    if (closed != null) {
      return closed;
    }
    return form.submit(s, language, door(s, language, user), params, response, model, () -> {
      ReplyService.Situation now = situation(campaignId, inviteeCode);
      describe(now, language, user, request, response, model);
      model.addAttribute("why", now.closedBecause());
      return "reply/closed";
    });
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
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    }
  }

  private String describe(
      ReplyService.Situation s, Language language, String user, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    pages.prepare(request, response, language);
    pages.describe(model, s, language, base(s));
    model.addAttribute("staffUser", user);
    if (!s.open(ReplyChannel.STAFF_FORM)) {
      model.addAttribute("why", s.closedBecause());
      return "reply/closed";
    }
    return null;
  }

  private static String base(ReplyService.Situation s) {
    return "/app/replies/" + s.campaign().id() + "/" + s.invitee().code();
  }

  /** The form token is bound to the logged-in user and the invitation: no other site can post it with their login. */
  private static ReplyFormHandler.Door door(ReplyService.Situation s, Language language, String user) {
    return new ReplyFormHandler.Door(
        base(s) + "?lang=" + language.code(),
        "staff|" + user + "|" + s.campaign().id() + "|" + s.invitee().code(),
        ReplyChannel.STAFF_FORM, user, base(s) + "/done?lang=" + language.code());
  }
}
