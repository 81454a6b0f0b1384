package org.ipu.outreach.reply;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The personal link "I cannot attend" in a representative's confirmation and joining reminder: the
 * representative's id, signed with the key every node shares ({@link FormTokens}), so that nothing is
 * stored per link and a link cannot be made for another representative.
 */
@Component
public class CannotAttendLinks {

  private final FormTokens signatures;
  private final ReplyPageProperties properties;

  public CannotAttendLinks(FormTokens signatures, ReplyPageProperties properties) {
    this.signatures = signatures;
    this.properties = properties;
  }

  public String url(long representativeId) {
    return properties.pageUrl("/cannot-attend/" + token(representativeId));
  }

  String token(long representativeId) {
    return representativeId + "." + signatures.issue(purpose(representativeId));
  }

  /** The representative a link was made for; empty for a link that is malformed or not ours. */
  Optional<Long> representativeId(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot <= 0 || dot > 18) {
      return Optional.empty();
    }
    long id;
    try {
      id = Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return signatures.valid(purpose(id), token.substring(dot + 1)) ? Optional.of(id) : Optional.empty();
  }

  private static String purpose(long representativeId) {
    return "cannot-attend|" + representativeId;
  }
}
