package org.ipu.outreach.directory;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Imports the directory of invitees from a CSV file (UTF-8, comma-separated, header row required):
 *
 * <pre>
 * code,name,country,kind,groups,language,president_name,salutation,president_email,secretary_email,time_zone
 * </pre>
 *
 * <p>Columns may come in any order (header names are matched ignoring case and surrounding spaces);
 * the secretary_email column and its values are optional, every other column is required. Extra
 * columns are ignored. Blank lines are skipped. The whole file is validated first and every problem
 * is reported with its physical line number; if there is any problem nothing is imported. Otherwise
 * all rows are inserted, or updated when their code is already in the directory, in one transaction
 * ({@link InviteeRepository#saveAll}).
 *
 * <p>The file is read and validated outside any transaction so that no database connection is held
 * while a (possibly slow) upload is read.
 */
@Service
public class DirectoryCsvImporter {

  public static final String CODE = "code";
  public static final String NAME = "name";
  public static final String COUNTRY = "country";
  public static final String KIND = "kind";
  public static final String GROUPS = "groups";
  public static final String LANGUAGE = "language";
  public static final String PRESIDENT_NAME = "president_name";
  public static final String SALUTATION = "salutation";
  public static final String PRESIDENT_EMAIL = "president_email";
  public static final String SECRETARY_EMAIL = "secretary_email";
  public static final String TIME_ZONE = "time_zone";

  /** All columns, in the documented order. */
  public static final List<String> COLUMNS =
      List.of(
          CODE, NAME, COUNTRY, KIND, GROUPS, LANGUAGE, PRESIDENT_NAME, SALUTATION, PRESIDENT_EMAIL,
          SECRETARY_EMAIL, TIME_ZONE);

  /** Columns that may be left out of the header altogether. */
  public static final Set<String> OPTIONAL_COLUMNS = Set.of(SECRETARY_EMAIL);

  /** Separator of several groups in the groups column. */
  public static final String GROUP_SEPARATOR = ";";

  private static final Pattern CODE_FORMAT = Pattern.compile("[A-Z0-9-]{2,20}");
  private static final Pattern DOMAIN_LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  /** Control characters other than line breaks and tabs, which a quoted CSV value may hold. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final int MAX_VALUE_IN_MESSAGE = 80;

  /** Column widths of table invitee (V1__outreach_schema.sql), checked so that saving cannot fail. */
  private static final Map<String, Integer> MAX_LENGTHS =
      Map.of(
          NAME, 300, COUNTRY, 200, PRESIDENT_NAME, 200, SALUTATION, 200, PRESIDENT_EMAIL, 320,
          SECRETARY_EMAIL, 320);

  private static final Map<String, String> ZONE_IDS_BY_LOWER_CASE =
      ZoneId.getAvailableZoneIds().stream()
          .collect(
              Collectors.toUnmodifiableMap(
                  id -> id.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

  private final InviteeRepository repository;
  private final long maxBytes;

  @Autowired
  public DirectoryCsvImporter(
      InviteeRepository repository,
      @Value("${outreach.directory.import-max-bytes}") long maxBytes) {
    if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
    }
    this.repository = repository;
    this.maxBytes = maxBytes;
  }

  /** Largest file accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Reads (at most {@link #maxBytes()} + 1 bytes of) the stream, validates and imports it.
   *
   * @throws DirectoryImportException listing every problem; nothing was imported
   * @throws UncheckedIOException if the stream cannot be read
   */
  public ImportResult importCsv(InputStream content) {
    return save(parse(readLimited(content)));
  }

  /**
   * Validates and imports the file.
   *
   * @throws DirectoryImportException listing every problem; nothing was imported
   */
  public ImportResult importCsv(byte[] content) {
    return save(parse(content));
  }

  /**
   * Validates the file and returns its invitees without saving anything.
   *
   * @throws DirectoryImportException listing every problem
   */
  public List<Invitee> parse(byte[] content) {
    checkSize(content.length);
    String text = decodeUtf8(content);
    if (text.isBlank()) {
      throw new DirectoryImportException(
          new ImportError(
              0, "The file is empty: expected a header row with the columns " + String.join(",", COLUMNS)));
    }
    LineIndex lines = new LineIndex(text);
    List<ImportError> errors = new ArrayList<>();
    List<Invitee> invitees = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      CSVRecord headerRecord;
      try {
        headerRecord = records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        throw new DirectoryImportException(
            new ImportError(1, "The header row cannot be read as CSV (" + rootMessage(e) + "); check the quotes (\")"));
      }
      Map<String, Integer> header = header(headerRecord, lines);
      int cells = headerRecord.size();
      Map<String, Integer> firstLineOfCode = new HashMap<>();
      int rows = 0;
      long lastLine = 1;
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          // e.g. a quote opened and never closed: the rest of the file cannot be read
          int line = lines.firstNonBlankLineAfter((int) lastLine);
          errors.add(new ImportError(line, "The file cannot be read as CSV from here on (" + rootMessage(e)
              + "); check the quotes (\") in this row"));
          break;
        }
        int line = lines.lineAt(record.getCharacterPosition());
        lastLine = parser.getCurrentLineNumber();
        if (record.stream().allMatch(v -> v == null || v.isBlank())) {
          continue; // a line of empty cells, as spreadsheets sometimes leave behind
        }
        rows++;
        row(record, line, header, cells, firstLineOfCode, errors).ifPresent(invitees::add);
      }
      if (rows == 0 && errors.isEmpty()) {
        errors.add(new ImportError(0, "The file has a header row but no invitee rows"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen when reading from a string
    }
    if (!errors.isEmpty()) {
      throw new DirectoryImportException(errors);
    }
    return invitees;
  }

  private ImportResult save(List<Invitee> invitees) {
    repository.saveAll(invitees);
    return new ImportResult(invitees.size());
  }

  // ---------------------------------------------------------------------------------- file level

  private byte[] readLimited(InputStream content) {
    try {
      byte[] bytes = content.readNBytes((int) maxBytes + 1);
      checkSize(bytes.length);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the directory file", e);
    }
  }

  private void checkSize(long size) {
    if (size > maxBytes) {
      throw new DirectoryImportException(
          new ImportError(
              0,
              "The file is too large: the limit is " + humanSize(maxBytes) + " (" + maxBytes + " bytes)"));
    }
  }

  private static String humanSize(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }

  /** Strict UTF-8 decoding (a leading byte order mark is dropped); reports the line of a bad byte. */
  private static String decodeUtf8(byte[] content) {
    int start = startsWithBom(content) ? BOM.length : 0;
    ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
    CharBuffer out = CharBuffer.allocate(content.length - start);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int position = in.position();
      int line = 1;
      for (int i = start; i < position; i++) {
        if (content[i] == '\n') {
          line++;
        }
      }
      String bad = position < content.length ? String.format("0x%02X", content[position] & 0xFF) : "at the end";
      throw new DirectoryImportException(
          new ImportError(
              line,
              "The file is not valid UTF-8 text (invalid byte "
                  + bad
                  + "); it was probably saved in another encoding such as Windows-1252/ISO-8859-1."
                  + " Save it as \"CSV UTF-8\" and import it again"));
    }
    out.flip();
    return out.toString();
  }

  private static boolean startsWithBom(byte[] content) {
    return content.length >= BOM.length
        && content[0] == BOM[0]
        && content[1] == BOM[1]
        && content[2] == BOM[2];
  }

  /** Column name (lower case) -> index; throws when a required column is missing. */
  private static Map<String, Integer> header(CSVRecord record, LineIndex lines) {
    int line = lines.lineAt(record.getCharacterPosition());
    Map<String, Integer> header = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && header.putIfAbsent(name, i) != null) {
        duplicates.add(name);
      }
    }
    List<String> missing =
        COLUMNS.stream()
            .filter(c -> !OPTIONAL_COLUMNS.contains(c) && !header.containsKey(c))
            .toList();
    if (!missing.isEmpty()) {
      String hint =
          record.size() == 1 && record.get(0).contains(";")
              ? " The header seems to be separated by \";\": separate the columns by commas."
              : "";
      throw new DirectoryImportException(
          new ImportError(
              line,
              "Missing required column"
                  + (missing.size() == 1 ? " " : "s ")
                  + String.join(", ", missing)
                  + " in the header row. Expected columns: "
                  + String.join(",", COLUMNS)
                  + " (secretary_email may be left out)."
                  + hint));
    }
    if (!duplicates.isEmpty()) {
      throw new DirectoryImportException(
          new ImportError(line, "Column " + String.join(", ", duplicates) + " appears more than once in the header row"));
    }
    return header;
  }

  // ----------------------------------------------------------------------------------- row level

  private static Optional<Invitee> row(
      CSVRecord record,
      int line,
      Map<String, Integer> header,
      int expected,
      Map<String, Integer> firstLineOfCode,
      List<ImportError> errors) {
    if (record.size() != expected) {
      errors.add(
          new ImportError(
              line,
              "Wrong number of values: expected " + expected + " (as in the header row), found " + record.size()
                  + (record.size() > expected ? " (a value containing a comma must be enclosed in double quotes)" : "")));
      return Optional.empty();
    }
    Row row = new Row(record, line, header, errors);

    String code = row.required(CODE);
    if (code != null) {
      code = code.toUpperCase(Locale.ROOT);
      if (!CODE_FORMAT.matcher(code).matches()) {
        row.error(CODE, quote(row.raw(CODE)) + " is not a valid code (2 to 20 characters: letters A-Z, digits, '-')");
        code = null;
      } else {
        Integer first = firstLineOfCode.putIfAbsent(code, line);
        if (first != null) {
          row.error(CODE, "duplicate code " + quote(code) + " (first used on line " + first + ")");
        }
      }
    }
    String name = row.text(NAME);
    String country = row.text(COUNTRY);
    InviteeKind kind =
        row.parsed(KIND, InviteeKind::parse, "unknown kind", "expected " + labels(InviteeKind.values()));
    Set<GeopoliticalGroup> groups = groups(row);
    Language language =
        row.parsed(LANGUAGE, Language::parse, "unknown language", "expected en, fr or es");
    String presidentName = row.text(PRESIDENT_NAME);
    String salutation = row.text(SALUTATION);
    String presidentEmail = row.email(PRESIDENT_EMAIL, true);
    String secretaryEmail = header.containsKey(SECRETARY_EMAIL) ? row.email(SECRETARY_EMAIL, false) : null;
    ZoneId timeZone = timeZone(row);

    if (row.failed) {
      return Optional.empty();
    }
    return Optional.of(
        new Invitee(
            code, name, country, kind, groups, language, presidentName, salutation, presidentEmail,
            secretaryEmail, timeZone));
  }

  private static Set<GeopoliticalGroup> groups(Row row) {
    String value = row.required(GROUPS);
    if (value == null) {
      return null;
    }
    Set<GeopoliticalGroup> groups = EnumSet.noneOf(GeopoliticalGroup.class);
    for (String part : value.split(GROUP_SEPARATOR)) {
      if (part.isBlank()) {
        continue;
      }
      Optional<GeopoliticalGroup> group = GeopoliticalGroup.parse(part);
      if (group.isPresent()) {
        groups.add(group.get());
      } else {
        row.error(GROUPS, "unknown group " + quote(part.trim()) + " (expected " + labels(GeopoliticalGroup.values())
            + "; several groups separated by \"" + GROUP_SEPARATOR + "\")");
      }
    }
    if (groups.isEmpty() && !row.failed) {
      row.error(GROUPS, "missing value");
    }
    return groups;
  }

  private static ZoneId timeZone(Row row) {
    String value = row.required(TIME_ZONE);
    if (value == null) {
      return null;
    }
    String id = ZONE_IDS_BY_LOWER_CASE.get(value.toLowerCase(Locale.ROOT));
    if (id == null) {
      row.error(TIME_ZONE, "unknown time zone " + quote(value) + " (expected an IANA time zone id such as Europe/Zurich)");
      return null;
    }
    return ZoneId.of(id);
  }

  /** A bare address (no display name), strictly valid per RFC 822, with a dotted host name domain. */
  static Optional<String> emailProblem(String value) {
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      if (address.getPersonal() != null || !value.equals(address.getAddress()) || address.isGroup()) {
        return Optional.of("a bare address such as president@parliament.example is expected");
      }
    } catch (AddressException e) {
      return Optional.of(e.getMessage());
    }
    if (!value.chars().allMatch(c -> c < 128)) {
      return Optional.of("only ASCII characters are accepted");
    }
    String domain = value.substring(value.lastIndexOf('@') + 1);
    if (!domain.contains(".")) {
      return Optional.of("the domain has no dot");
    }
    if (!Arrays.stream(domain.split("\\.", -1)).allMatch(l -> DOMAIN_LABEL.matcher(l).matches())) {
      return Optional.of("invalid domain " + quote(domain));
    }
    return Optional.empty();
  }

  private static String labels(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> v instanceof InviteeKind k ? k.label() : v instanceof GeopoliticalGroup g ? g.label() : v.name())
        .collect(Collectors.joining(", "));
  }

  static String quote(String value) {
    String shown =
        value.length() > MAX_VALUE_IN_MESSAGE ? value.substring(0, MAX_VALUE_IN_MESSAGE) + "…" : value;
    return "\"" + shown + "\"";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** The values of one row and the errors found in them. */
  private static final class Row {
    private final CSVRecord record;
    private final int line;
    private final Map<String, Integer> header;
    private final List<ImportError> errors;
    private boolean failed;

    Row(CSVRecord record, int line, Map<String, Integer> header, List<ImportError> errors) {
      this.record = record;
      this.line = line;
      this.header = header;
      this.errors = errors;
    }

    /** The trimmed value; control characters (a NUL, say) are an error of the row and left out. */
    String raw(String column) {
      Integer index = header.get(column);
      String value = index == null ? null : record.get(index);
      if (value != null && CONTROL.matcher(value).find()) {
        error(column, "contains a control character (such as U+0000), which no name or address has;"
            + " check the file's encoding");
        value = CONTROL.matcher(value).replaceAll("");
      }
      return value == null ? "" : value.trim();
    }

    void error(String column, String reason) {
      failed = true;
      errors.add(new ImportError(line, column + ": " + reason));
    }

    /** The trimmed value, or null (and an error) when blank. */
    String required(String column) {
      String value = raw(column);
      if (value.isEmpty()) {
        error(column, "missing value");
        return null;
      }
      return value;
    }

    /** A required free text, checked against the width of its database column. */
    String text(String column) {
      String value = required(column);
      Integer max = MAX_LENGTHS.get(column);
      if (value != null && max != null && value.length() > max) {
        error(column, "value too long (" + value.length() + " characters, at most " + max + "): " + quote(value));
        return null;
      }
      return value;
    }

    <T> T parsed(String column, Function<String, Optional<T>> parser, String problem, String expected) {
      String value = required(column);
      if (value == null) {
        return null;
      }
      Optional<T> parsed = parser.apply(value);
      if (parsed.isEmpty()) {
        error(column, problem + " " + quote(value) + " (" + expected + ")");
        return null;
      }
      return parsed.get();
    }

    String email(String column, boolean required) {
      String value = required ? required(column) : raw(column);
      if (value == null || value.isEmpty()) {
        return null;
      }
      Integer max = MAX_LENGTHS.get(column);
      if (value.length() > max) {
        error(column, "value too long (" + value.length() + " characters, at most " + max + "): " + quote(value));
        return null;
      }
      Optional<String> problem = emailProblem(value);
      if (problem.isPresent()) {
        error(column, quote(value) + " is not a valid email address (" + problem.get() + ")");
        return null;
      }
      return value;
    }
  }

  /** Maps a character position in the text to its physical line number (1-based). */
  private static final class LineIndex {
    private final int[] lineStarts;

    private final String text;

    LineIndex(String text) {
      this.text = text;
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The first line after the given one that is not blank (the start of the next record). */
    int firstNonBlankLineAfter(int line) {
      for (int l = line + 1; l <= lineStarts.length; l++) {
        int end = l < lineStarts.length ? lineStarts[l] : text.length();
        if (!text.substring(lineStarts[l - 1], end).isBlank()) {
          return l;
        }
      }
      return line + 1;
    }

    /**
     * The line of the first character of a record that starts at the position. The parser reports the
     * position before the blank lines it skipped, so whitespace is skipped first.
     */
    int lineAt(long start) {
      int position = (int) start;
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
      if (position >= text.length()) {
        position = (int) start;
      }
      int index = Arrays.binarySearch(lineStarts, position);
      return index >= 0 ? index + 1 : -index - 1;
    }
  }
}
