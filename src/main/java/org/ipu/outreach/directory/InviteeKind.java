package org.ipu.outreach.directory;

import java.util.Arrays;
import java.util.Optional;

public enum InviteeKind {
  MEMBER("Member"),
  ASSOCIATE_MEMBER("Associate Member"),
  PERMANENT_OBSERVER("Permanent Observer");

  private final String label;

  InviteeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Accepts the label ("Associate Member") or the constant name ("ASSOCIATE_MEMBER"), any case. */
  public static Optional<InviteeKind> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.trim();
    return Arrays.stream(values())
        .filter(k -> k.label.equalsIgnoreCase(wanted) || k.name().equalsIgnoreCase(wanted))
        .findFirst();
  }
}
