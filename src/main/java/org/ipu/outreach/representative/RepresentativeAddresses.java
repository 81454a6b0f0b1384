package org.ipu.outreach.representative;

import java.util.Collection;
import java.util.List;
import org.ipu.outreach.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * One address is one person and one meeting registration: a parliament cannot name an address that
 * another parliament of the campaign has named for a representative still in play. Checked wherever a
 * nominee comes in (a reply on any channel, the follow-up form).
 */
@Component
public class RepresentativeAddresses {

  private final RepresentativeRepository representatives;

  public RepresentativeAddresses(RepresentativeRepository representatives) {
    this.representatives = representatives;
  }

  /** Refuses, naming the addresses, when another parliament of the campaign holds one of them. */
  public void requireFree(String campaignId, String inviteeCode, Collection<String> emails) {
    List<String> taken = representatives.heldByOthers(campaignId, inviteeCode, emails);
    if (!taken.isEmpty()) {
      throw new InvalidInputException(
          "The e-mail address " + String.join(", ", taken) + " is already given for a representative of another"
              + " parliament in this campaign; each representative needs an address of their own.");
    }
  }
}
