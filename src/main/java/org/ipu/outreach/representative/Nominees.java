package org.ipu.outreach.representative;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Questions the invitation process asks about nominees (referenced as ${nominees...}). */
@Component("nominees")
public class Nominees {

  private static final Set<RepresentativeStatus> CONFIRMED =
      Set.of(RepresentativeStatus.CONFIRMED, RepresentativeStatus.REGISTERED);

  private final RepresentativeRepository representatives;

  public Nominees(RepresentativeRepository representatives) {
    this.representatives = representatives;
  }

  /** The nominee ids kept in the process as comma-separated text. */
  public List<Long> ids(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Long::valueOf).toList();
  }

  public static String join(List<Long> ids) {
    return String.join(",", ids.stream().map(String::valueOf).toList());
  }

  public boolean anyWithStatus(String nomineeIds, String status) {
    RepresentativeStatus wanted = RepresentativeStatus.valueOf(status);
    return representatives.findAll(ids(nomineeIds)).stream().anyMatch(r -> r.status() == wanted);
  }

  public boolean anyConfirmed(String campaignId, String inviteeCode) {
    return representatives.findForInvitee(campaignId, inviteeCode).stream()
        .anyMatch(r -> CONFIRMED.contains(r.status()));
  }
}
