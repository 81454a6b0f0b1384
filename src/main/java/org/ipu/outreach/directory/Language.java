package org.ipu.outreach.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three working languages: letters are written in one of them, interpretation is offered in them. */
public enum Language {
  EN(Locale.ENGLISH),
  FR(Locale.FRENCH),
  ES(Locale.forLanguageTag("es"));

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Accepts "en", "EN", " fr " ...; empty when the text names no working language. */
  public static Optional<Language> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.trim();
    return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(wanted)).findFirst();
  }
}
