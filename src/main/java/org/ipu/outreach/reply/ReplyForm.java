package org.ipu.outreach.reply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRole;

/**
 * What the reply form sent, and its checks. Field names: {@code answer} ("nominate" or "decline"),
 * {@code reason}, {@code rows} and per representative row i {@code n<i>.name}, {@code .function},
 * {@code .role}, {@code .committees}, {@code .email}, {@code .language}. A row left empty is ignored, so
 * that the form can offer more rows than a parliament fills. Problems are message keys of the reply
 * bundle, by field, for the page to show next to each field in its own language.
 */
public final class ReplyForm {

  public static final String NOMINATE = "nominate";
  public static final String DECLINE = "decline";
  static final int MAX_TEXT = NominationValidator.MAX_NAME;
  static final int MAX_REASON = 2000;

  /** One representative's fields as typed. */
  public record Row(String name, String function, String role, String committees, String email, String language) {
    boolean blank() {
      return isBlank(name) && isBlank(function) && isBlank(committees) && isBlank(email);
    }
  }

  /** A message key and its arguments. */
  public record Problem(String key, Object... args) {}

  private final String answer;
  private final List<Row> rows;
  private final String reason;

  public ReplyForm(String answer, List<Row> rows, String reason) {
    this.answer = answer;
    this.rows = List.copyOf(rows);
    this.reason = reason;
  }

  public String answer() {
    return answer;
  }

  public List<Row> rows() {
    return rows;
  }

  public String reason() {
    return reason;
  }

  /** The submitted form; at most {@code maxRows} rows are read, whatever {@code rows} says. */
  public static ReplyForm parse(Map<String, String> params, int maxRows) {
    int count;
    try {
      count = Math.max(1, Math.min(maxRows, Integer.parseInt(params.getOrDefault("rows", "1").trim())));
    } catch (NumberFormatException e) {
      count = 1;
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String p = "n" + i + ".";
      rows.add(
          new Row(
              params.get(p + "name"), params.get(p + "function"), params.get(p + "role"),
              params.get(p + "committees"), params.get(p + "email"), params.get(p + "language")));
    }
    return new ReplyForm(params.get("answer"), rows, params.get("reason"));
  }

  /** The form as first shown: the current nominees (to change them), or empty rows. */
  public static ReplyForm prefill(List<Representative> current, int minRows) {
    List<Row> rows = new ArrayList<>();
    for (Representative r : current) {
      rows.add(
          new Row(
              r.fullName(), r.functionTitle(), r.role().name(), r.committees(), r.email(),
              r.interpretationLanguage().code()));
    }
    while (rows.size() < minRows) {
      rows.add(new Row(null, null, null, null, null, null));
    }
    return new ReplyForm(current.isEmpty() ? null : NOMINATE, rows, null);
  }

  /** The same entries with one more empty row (the "add another representative" button). */
  public ReplyForm withAnotherRow(int maxRows) {
    List<Row> more = new ArrayList<>(rows);
    if (more.size() < maxRows) {
      more.add(new Row(null, null, null, null, null, null));
    }
    return new ReplyForm(NOMINATE, more, reason);
  }

  /** The outcome of the checks: the reply when there is no problem. */
  public record Checked(Reply reply, Map<String, Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Checked check(int maxNominees) {
    Map<String, Problem> problems = new LinkedHashMap<>();
    if (DECLINE.equals(answer)) {
      if (reason != null && reason.trim().length() > MAX_REASON) {
        problems.put("reason", new Problem("error.tooLong", MAX_REASON));
      } else if (Reply.hasControlCharacterBesidesLineBreaks(reason)) {
        problems.put("reason", new Problem("error.control"));
      }
      return new Checked(Reply.declined(reason), problems);
    }
    if (!NOMINATE.equals(answer)) {
      problems.put("answer", new Problem("error.answer"));
      return new Checked(null, problems);
    }
    List<Representative.Nomination> nominees = new ArrayList<>();
    Set<String> emails = new HashSet<>();
    int filled = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (row.blank()) {
        continue;
      }
      filled++;
      String p = "n" + i + ".";
      int before = problems.size();
      text(row.name(), p + "name", true, MAX_TEXT, problems);
      text(row.function(), p + "function", true, MAX_TEXT, problems);
      text(row.committees(), p + "committees", false, NominationValidator.MAX_COMMITTEES, problems);
      if (RepresentativeRole.parse(row.role()).isEmpty()) {
        problems.put(p + "role", new Problem("error.role"));
      }
      if (text(row.email(), p + "email", true, 320, problems)) {
        if (!NominationValidator.isEmail(row.email().trim())) {
          problems.put(p + "email", new Problem("error.email"));
        } else if (!emails.add(row.email().trim().toLowerCase(Locale.ROOT))) {
          problems.put(p + "email", new Problem("error.duplicateEmail"));
        }
      }
      if (Language.parse(row.language()).isEmpty()) {
        problems.put(p + "language", new Problem("error.language"));
      }
      if (problems.size() == before) {
        // the checks above are those of the validator; it also trims and normalises the values
        nominees.add(
            NominationValidator.validate(
                new NominationValidator.Fields(
                    row.name(), row.function(), row.role(), row.committees(), row.email(), row.language()),
                p));
      }
    }
    if (filled == 0) {
      problems.put("n0.name", new Problem("error.noNominee"));
    } else if (filled > maxNominees) {
      problems.put("answer", new Problem("error.tooMany", maxNominees));
    }
    return new Checked(problems.isEmpty() ? Reply.nominated(nominees) : null, problems);
  }

  /** Checks one text field; true when it has a value to check further. */
  private static boolean text(String value, String field, boolean required, int max, Map<String, Problem> problems) {
    if (NominationValidator.hasControlCharacter(value)) {
      problems.put(field, new Problem("error.control"));
      return false;
    }
    if (isBlank(value)) {
      if (required) {
        problems.put(field, new Problem("error.required"));
      }
      return false;
    }
    if (value.trim().length() > max) {
      problems.put(field, new Problem("error.tooLong", max));
      return false;
    }
    return true;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
