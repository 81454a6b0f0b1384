package org.ipu.outreach.representative;

import java.util.Arrays;
import java.util.Optional;

/** Who a parliament sends: a Member of Parliament or a member of its staff. */
public enum RepresentativeRole {
  MP,
  STAFF;

  public static Optional<RepresentativeRole> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.trim();
    return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(wanted)).findFirst();
  }
}
