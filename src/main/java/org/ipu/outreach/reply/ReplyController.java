package org.ipu.outreach.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.invitation.InvitationProcess.Replies;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets staff record a reply that came by e-mail or letter. */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/invitees/{inviteeCode}/reply")
public class ReplyController {

  private final ReplyService replies;
  private final StaffAccess staff;

  public ReplyController(ReplyService replies, StaffAccess staff) {
    this.replies = replies;
    this.staff = staff;
  }

  public record NomineeJson(
      String name, String function, String role, String committees, String email, String language) {}

  public record ReplyJson(String reply, List<NomineeJson> representatives) {}

  @PostMapping
  public Map<String, Object> record(
      @PathVariable String campaignId, @PathVariable String inviteeCode, @RequestBody ReplyJson body) {
    staff.require();
    if (Replies.DECLINED.equals(body.reply())) {
      replies.decline(campaignId, inviteeCode);
      return Map.of("reply", Replies.DECLINED);
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
    List<Long> ids = replies.nominate(campaignId, inviteeCode, nominations);
    return Map.of("reply", Replies.NOMINATED, "representativeIds", ids);
  }
}
