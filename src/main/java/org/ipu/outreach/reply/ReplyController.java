package org.ipu.outreach.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.invitation.InvitationProcess.Replies;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets staff record a reply that came by e-mail or letter, as JSON. The same {@link ReplyService#record}
 * as the reply pages: earlier nominees are replaced and the parliament gets the "reply received" letter.
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/invitees/{inviteeCode}/reply")
class ReplyController {

  private final ReplyService replies;
  private final StaffAccess staff;

  ReplyController(ReplyService replies, StaffAccess staff) {
    this.replies = replies;
    this.staff = staff;
  }

  record NomineeJson(String name, String function, String role, String committees, String email, String language) {}

  record ReplyJson(String reply, List<NomineeJson> representatives, String reason) {}

  @PostMapping
  public Map<String, Object> record(
      @PathVariable String campaignId, @PathVariable String inviteeCode, @RequestBody ReplyJson body) {
    String user = staff.require();
    ReplyService.Recorded recorded = replies.record(campaignId, inviteeCode, reply(body), ReplyChannel.API, user);
    return Map.of(
        "reply", Replies.DECLINED.equals(body.reply()) ? Replies.DECLINED : Replies.NOMINATED,
        "representativeIds", recorded.representativeIds(),
        "forwardedToStaff", recorded.forwardedToStaff());
  }

  /** The invitation takes no reply now (it has ended): 409, and nothing was stored. */
  @ExceptionHandler(ReplyClosedException.class)
  ResponseEntity<Map<String, List<String>>> closed(ReplyClosedException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(Map.of("errors", List.of("The invitation takes no reply now (" + e.reason() + "); nothing was stored.")));
  }

  private static Reply reply(ReplyJson body) {
    if (Replies.DECLINED.equals(body.reply())) {
      if (body.representatives() != null && !body.representatives().isEmpty()) {
        throw new InvalidInputException("A decline names no representatives.");
      }
      return Reply.declined(body.reason());
    }
    if (!Replies.NOMINATED.equals(body.reply())) {
      throw new InvalidInputException("reply must be 'nominated' or 'declined' (got '" + body.reply() + "').");
    }
    List<NomineeJson> given = body.representatives() == null ? List.of() : body.representatives();
    List<Representative.Nomination> nominations = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      NomineeJson n = given.get(i);
      try {
        nominations.add(
            NominationValidator.validate(
                new NominationValidator.Fields(n.name(), n.function(), n.role(), n.committees(), n.email(), n.language()),
                "representatives[" + i + "]."));
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return Reply.nominated(nominations);
  }
}
