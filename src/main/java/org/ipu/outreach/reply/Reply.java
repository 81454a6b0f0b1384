package org.ipu.outreach.reply;

import java.util.List;
import org.ipu.outreach.representative.Representative;

/** What a parliament answered: the representatives it names, or that it declines (with a reason or none). */
public record Reply(boolean declined, List<Representative.Nomination> nominees, String declineReason) {

  public Reply {
    nominees = List.copyOf(nominees);
    declineReason = declined && declineReason != null && !declineReason.isBlank() ? declineReason.trim() : null;
  }

  public static Reply nominated(List<Representative.Nomination> nominees) {
    return new Reply(false, nominees, null);
  }

  public static Reply declined(String reason) {
    return new Reply(true, List.of(), reason);
  }

  /** A text of several lines (a reason) with a character no typed text has, such as NUL. */
  static boolean hasControlCharacterBesidesLineBreaks(String text) {
    return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }

  /** The reply as staff read it in their task (English, one line per representative). */
  public String summary() {
    if (declined) {
      return "Declined." + (declineReason == null ? "" : " Reason: " + declineReason);
    }
    StringBuilder text = new StringBuilder("Nominated:");
    for (Representative.Nomination n : nominees) {
      text.append("\n- ").append(n.fullName()).append(" (").append(n.functionTitle()).append("), ")
          .append(n.role()).append(", ").append(n.email()).append(", interpretation ")
          .append(n.interpretationLanguage().code());
      if (n.committees() != null) {
        text.append(", committees: ").append(n.committees());
      }
    }
    return text.toString();
  }
}
