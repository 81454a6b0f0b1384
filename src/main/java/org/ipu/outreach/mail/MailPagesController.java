package org.ipu.outreach.mail;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The outbox as staff see it: every mail written, its delivery state, and a resend for failed ones. */
@Controller
class MailPagesController {

  static final int PAGE_SIZE = 500;

  private final MailOutbox outbox;
  private final MailIncidents incidents;
  private final StaffAccess staff;

  MailPagesController(MailOutbox outbox, MailIncidents incidents, StaffAccess staff) {
    this.outbox = outbox;
    this.incidents = incidents;
    this.staff = staff;
  }

  @GetMapping("/app/mails")
  public String list(Model model) {
    staff.require();
    model.addAttribute("mails", outbox.latest(PAGE_SIZE));
    return "app/mails";
  }

  @GetMapping("/app/mails/{id}")
  public String show(@PathVariable long id, Model model) {
    staff.require();
    model.addAttribute(
        "mail", outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such mail.")));
    return "app/mail";
  }

  @PostMapping("/app/mails/{id}/resend")
  @Transactional
  public String resend(@PathVariable long id) {
    staff.require();
    if (!outbox.resend(id, ClockUtil.getCurrentTime().toInstant())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Only a failed mail can be sent again.");
    }
    incidents.resolve(id);
    return "redirect:/app/mails/" + id;
  }
}
