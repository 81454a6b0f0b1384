package org.ipu.outreach.attendance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;

/**
 * Reads the participants report as Zoom's web portal exports it (Reports > Usage > Participants >
 * Export), with or without the meeting details block above the participants table: the table starts at
 * the row naming a "Name" column and a "Duration (minutes)" column; "User Email" is used when present.
 * The export has no registrant ids, so matching uses e-mail and name. Any bad row rejects the file.
 */
public final class ZoomParticipantCsv {

  private ZoomParticipantCsv() {}

  public static List<Participation> parse(InputStream in) {
    List<CSVRecord> records;
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
      records = parser.getRecords();
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("The file is not readable as CSV: " + e.getMessage());
    }
    int header = -1;
    int nameCol = -1;
    int emailCol = -1;
    int durationCol = -1;
    for (int i = 0; i < records.size() && header < 0; i++) {
      CSVRecord r = records.get(i);
      int name = -1;
      int email = -1;
      int duration = -1;
      for (int c = 0; c < r.size(); c++) {
        // Zoom's export starts with a byte order mark
        String cell = r.get(c).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
        if (name < 0 && cell.startsWith("name")) {
          name = c;
        } else if (email < 0 && (cell.equals("user email") || cell.equals("email"))) {
          email = c;
        } else if (duration < 0 && cell.contains("duration") && cell.contains("min")) {
          duration = c;
        }
      }
      if (name >= 0 && duration >= 0) {
        header = i;
        nameCol = name;
        emailCol = email;
        durationCol = duration;
      }
    }
    if (header < 0) {
      throw new InvalidInputException("This is not Zoom's participants report: no header row with a 'Name (original name)'"
          + " column and a 'Duration (minutes)' column was found.");
    }
    int width = records.get(header).size();
    List<String> problems = new ArrayList<>();
    List<Participation> sessions = new ArrayList<>();
    for (int i = header + 1; i < records.size(); i++) {
      CSVRecord r = records.get(i);
      // with empty lines kept, a record is a line unless a quoted value spans lines
      long line = r.getRecordNumber();
      if (r.size() == 1 && r.get(0).isBlank()) {
        continue;
      }
      if (r.size() != width) {
        problems.add("Line " + line + ": " + r.size() + " values where the header has " + width + ".");
        continue;
      }
      String name = r.get(nameCol).replace("\uFEFF", "").trim();
      String email = emailCol < 0 ? "" : r.get(emailCol).trim();
      String duration = r.get(durationCol).trim();
      if (!duration.matches("\\d{1,5}")) {
        problems.add("Line " + line + ": duration '" + duration + "' is not a whole number of minutes.");
        continue;
      }
      if (name.isEmpty() && email.isEmpty()) {
        problems.add("Line " + line + ": neither a name nor an e-mail address.");
        continue;
      }
      sessions.add(new Participation(null, email.isEmpty() ? null : email, name.isEmpty() ? null : name,
          Long.parseLong(duration) * 60));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (sessions.isEmpty()) {
      throw new InvalidInputException("The participants report lists nobody.");
    }
    return sessions;
  }
}
