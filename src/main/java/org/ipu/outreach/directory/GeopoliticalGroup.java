package org.ipu.outreach.directory;

import java.util.Arrays;
import java.util.Optional;

public enum GeopoliticalGroup {
  AFRICAN("African"),
  ARAB("Arab"),
  ASIA_PACIFIC("Asia-Pacific"),
  EURASIA("Eurasia"),
  GRULAC("GRULAC"),
  TWELVE_PLUS("Twelve Plus");

  private final String label;

  GeopoliticalGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Accepts the label ("Asia-Pacific") or the constant name ("ASIA_PACIFIC"), any case. */
  public static Optional<GeopoliticalGroup> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.trim();
    return Arrays.stream(values())
        .filter(g -> g.label.equalsIgnoreCase(wanted) || g.name().equalsIgnoreCase(wanted))
        .findFirst();
  }
}
