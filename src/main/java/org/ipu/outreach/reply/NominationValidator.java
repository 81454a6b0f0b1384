package org.ipu.outreach.reply;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRole;

/** Server-side checks of a nominee's details, whatever form or endpoint they came from. */
public final class NominationValidator {

  static final int MAX_NAME = 200;
  static final int MAX_COMMITTEES = 1000;

  private NominationValidator() {}

  /** Raw field values as a form or endpoint sent them. */
  public record Fields(
      String name, String function, String role, String committees, String email, String language) {}

  /** The nomination, or an {@link InvalidInputException} naming every bad field. */
  public static Representative.Nomination validate(Fields f, String prefix) {
    List<String> problems = new ArrayList<>();
    for (String[] field : new String[][] {
        {"name", f.name()}, {"function", f.function()}, {"committees", f.committees()}, {"email", f.email()}}) {
      if (hasControlCharacter(field[1])) {
        problems.add(prefix + field[0] + " contains a control character (such as U+0000), which no name or text has.");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String name = required(f.name(), prefix + "name", MAX_NAME, problems);
    String function = required(f.function(), prefix + "function", MAX_NAME, problems);
    RepresentativeRole role = RepresentativeRole.parse(f.role()).orElse(null);
    if (role == null) {
      problems.add(prefix + "role must be MP or STAFF (got '" + nullToEmpty(f.role()) + "').");
    }
    String committees = f.committees() == null ? null : f.committees().trim();
    if (committees != null && committees.length() > MAX_COMMITTEES) {
      problems.add(prefix + "committees is longer than " + MAX_COMMITTEES + " characters.");
    }
    String email = required(f.email(), prefix + "email", 320, problems);
    if (email != null && !isEmail(email)) {
      problems.add(prefix + "email '" + email + "' is not a valid e-mail address.");
    }
    Language language = Language.parse(f.language()).orElse(null);
    if (language == null) {
      problems.add(
          prefix + "interpretation language must be en, fr or es (got '" + nullToEmpty(f.language()) + "').");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Representative.Nomination(
        name, function, role, committees == null || committees.isEmpty() ? null : committees, email, language);
  }

  /** A character no typed name or text contains (NUL, escape...); a line break counts too: all fields are one line. */
  public static boolean hasControlCharacter(String text) {
    return text != null && text.chars().anyMatch(Character::isISOControl);
  }

  public static boolean isEmail(String text) {
    try {
      InternetAddress address = new InternetAddress(text, true);
      address.validate();
      String domain = text.substring(text.indexOf('@') + 1);
      return text.equals(address.getAddress()) && domain.contains(".");
    } catch (AddressException e) {
      return false;
    }
  }

  private static String required(String value, String field, int max, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(field + " is missing.");
      return null;
    }
    String v = value.trim();
    if (v.length() > max) {
      problems.add(field + " is longer than " + max + " characters.");
    }
    return v;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
