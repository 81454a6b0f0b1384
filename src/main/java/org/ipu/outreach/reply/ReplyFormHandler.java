package org.ipu.outreach.reply;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.ipu.outreach.directory.Language;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The reply form as both pages use it, the parliament's and the staff's: showing it, and taking a
 * submission through its form token, "add another representative", the checks by field and
 * {@link ReplyService#record}. What differs between the two pages is a {@link Door}.
 */
@Component
class ReplyFormHandler {

  private final ReplyService replies;
  private final ReplyPages pages;
  private final FormTokens formTokens;
  private final ReplyPageProperties properties;

  ReplyFormHandler(ReplyService replies, ReplyPages pages, FormTokens formTokens, ReplyPageProperties properties) {
    this.replies = replies;
    this.pages = pages;
    this.formTokens = formTokens;
    this.properties = properties;
  }

  /**
   * One page's way in: where the form posts to, what its form token is bound to, the channel and the
   * author the reply is recorded with, and where a recorded reply leads.
   */
  record Door(String action, String tokenPurpose, ReplyChannel channel, String author, String doneUrl) {}

  /** The form, prefilled with the current nominees (to change them) or empty rows. */
  String show(ReplyService.Situation s, Language language, Door door, Model model) {
    pages.form(
        model, ReplyForm.prefill(s.currentNominees(), properties.nomineeRows()), Map.of(), language, door.action(),
        formTokens.issue(door.tokenPurpose()));
    return "reply/page";
  }

  /**
   * A submission: the form again with its problems, or the redirect to {@code doneUrl}. {@code closed}
   * gives the view when the invitation stopped taking replies meanwhile.
   */
  String submit(
      ReplyService.Situation s, Language language, Door door, Map<String, String> params,
      HttpServletResponse response, Model model, java.util.function.Supplier<String> closed) {
    ReplyForm form = ReplyForm.parse(params, properties.maxNominees() + 1);
    String csrf = formTokens.issue(door.tokenPurpose());
    if (!formTokens.valid(door.tokenPurpose(), params.get("csrf"))) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      pages.form(model, form, Map.of("form", new ReplyForm.Problem("error.csrf")), language, door.action(), csrf);
      return "reply/page";
    }
    if ("add".equals(params.get("action"))) {
      pages.form(model, form.withAnotherRow(properties.maxNominees()), Map.of(), language, door.action(), csrf);
      return "reply/page";
    }
    ReplyForm.Checked checked = form.check(properties.maxNominees());
    if (!checked.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      pages.form(model, form, checked.problems(), language, door.action(), csrf);
      return "reply/page";
    }
    try {
      replies.record(s.campaign().id(), s.invitee().code(), checked.reply(), door.channel(), door.author());
    } catch (ReplyClosedException e) {
      return closed.get();
    }
    return "redirect:" + door.doneUrl();
  }
}
