package org.ipu.outreach.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The importer against H2 with the Flyway schema. Tests run without a test transaction so that the
 * importer's own transaction (and the absence of any write on rejection) is what is observed.
 */
@JdbcTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:dirtest;DB_CLOSE_DELAY=-1",
      "spring.flyway.enabled=true"
    })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DirectoryCsvImporterTest {

  /** Only the directory beans: keeps Camunda and the rest of the application out of this slice. */
  @SpringBootConfiguration
  @Import({InviteeRepository.class, DirectoryCsvImporter.class})
  static class Config {}

  static final String HEADER =
      "code,name,country,kind,groups,language,president_name,salutation,president_email,"
          + "secretary_email,time_zone\n";

  static String row(String code, String president) {
    return code + ",Parliament of " + code + ",Country " + code + ",Member,African,en," + president
        + ",\"Dear Madam President,\",president@" + code.toLowerCase() + ".parliament.example,"
        + "secretary@" + code.toLowerCase() + ".parliament.example,Africa/Kampala\n";
  }

  @Autowired DirectoryCsvImporter importer;
  @Autowired InviteeRepository repository;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void emptyDirectory() {
    jdbc.update("delete from invitee_group");
    jdbc.update("delete from invitee");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private DirectoryImportException rejected(byte[] content) {
    return catchThrowableOfType(DirectoryImportException.class, () -> importer.importCsv(content));
  }

  // ------------------------------------------------------------------------------------ demo data

  @Test
  void demoFileImportsCompletelyAndCoversAllGroupsKindsAndLanguages() throws IOException {
    ImportResult result;
    try (InputStream in = new ClassPathResource("demo/directory.csv").getInputStream()) {
      result = importer.importCsv(in);
    }

    assertThat(result.imported()).isEqualTo(64);
    List<Invitee> all = repository.findAll();
    assertThat(all).hasSize(64);
    assertThat(repository.count()).isEqualTo(64);

    assertThat(countBy(all, Invitee::kind))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                InviteeKind.MEMBER, 43L,
                InviteeKind.ASSOCIATE_MEMBER, 10L,
                InviteeKind.PERMANENT_OBSERVER, 11L));
    assertThat(countBy(all, Invitee::language))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Language.EN, 37L, Language.FR, 15L, Language.ES, 12L));
    Map<GeopoliticalGroup, Long> perGroup =
        all.stream()
            .flatMap(i -> i.groups().stream())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(perGroup)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                GeopoliticalGroup.AFRICAN, 17L,
                GeopoliticalGroup.ARAB, 8L,
                GeopoliticalGroup.ASIA_PACIFIC, 8L,
                GeopoliticalGroup.EURASIA, 6L,
                GeopoliticalGroup.GRULAC, 13L,
                GeopoliticalGroup.TWELVE_PLUS, 17L));
    // every kind is present in every group? not required; but each kind speaks each language somewhere
    for (InviteeKind kind : InviteeKind.values()) {
      assertThat(all.stream().filter(i -> i.kind() == kind).map(Invitee::language).collect(Collectors.toSet()))
          .as("letter languages of %s", kind)
          .containsExactlyInAnyOrder(Language.values());
    }

    Map<Language, Set<String>> salutations =
        Map.of(
            Language.EN, Set.of("Dear Madam President,", "Dear Mr. President,"),
            Language.FR, Set.of("Madame la Présidente,", "Monsieur le Président,"),
            Language.ES, Set.of("Señora Presidenta:", "Señor Presidente:"));
    assertThat(all)
        .allSatisfy(
            i -> {
              assertThat(i.groups()).isNotEmpty();
              assertThat(salutations.get(i.language())).contains(i.salutation());
              assertThat(i.presidentEmail()).endsWith(".example");
              if (i.secretaryEmail() != null) {
                assertThat(i.secretaryEmail()).endsWith(".example");
              }
            });
    assertThat(all).filteredOn(i -> i.secretaryEmail() == null).extracting(Invitee::code)
        .containsExactlyInAnyOrder("FJ", "HT", "UPA");

    Invitee argentina = repository.find("AR").orElseThrow();
    assertThat(argentina.name()).isEqualTo("Congreso de la Nación Argentina");
    assertThat(argentina.timeZone()).isEqualTo(ZoneId.of("America/Argentina/Buenos_Aires"));
    assertThat(argentina.salutation()).isEqualTo("Señora Presidenta:");
    assertThat(repository.find("NZ").orElseThrow().groups())
        .containsExactlyInAnyOrder(GeopoliticalGroup.ASIA_PACIFIC, GeopoliticalGroup.TWELVE_PLUS);
    assertThat(repository.find("BF").orElseThrow().name()).isEqualTo("Assemblée nationale du Burkina Faso");
  }

  private static <K> Map<K, Long> countBy(List<Invitee> invitees, Function<Invitee, K> key) {
    return invitees.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  // ---------------------------------------------------------------------------------- bad rows

  @Test
  void everyBadRowIsReportedWithItsLineAndNothingIsImported() {
    importer.importCsv(utf8(HEADER + row("UG", "Agnes Old") + row("KE", "Joseph Old")));
    List<Invitee> before = repository.findAll();

    String file =
        HEADER                                                                                  // 1
            + row("UG", "Agnes New")                                                            // 2 update, good
            + "NZ,New Zealand Parliament,New Zealand,Member,Asia-Pacific;Twelve Plus,en,\"Aroha\nNgata\","
            + "\"Dear Madam President,\",president@nz.parliament.example,,Pacific/Auckland\n"  // 3-4 good, two lines
            + "\n"                                                                              // 5 blank
            + "SN,,Sénégal,Member,African,fr,Aminata Sow,\"Madame la Présidente,\","
            + "president@senegal.parliament.example,,Africa/Dakar\n"                            // 6 missing name
            + "CM,Parlement du Cameroun,Cameroun,Member,African,fr,Marie Mbarga,\"Madame la Présidente,\","
            + "president@cameroun,,Africa/Douala\n"                                             // 7 email no dot
            + "AR,Congreso,Argentina,Observer,GRULAC,es,María Fernández,Señora Presidenta:,"
            + "president@argentina.parliament.example,,America/Argentina/Buenos_Aires\n"        // 8 kind
            + "JP,National Diet,Japan,Member,Asia Pacific,en,Hiroshi Tanaka,\"Dear Mr. President,\","
            + "president@japan.parliament.example,,Asia/Tokyo\n"                                // 9 group
            + "CL,Congreso Nacional,Chile,Member,GRULAC,pt,Carolina Muñoz,Señora Presidenta:,"
            + "president@chile.parliament.example,,America/Santiago\n"                          // 10 language
            + "PE,Congreso,Perú,Member,GRULAC,es,Rosa Quispe,Señora Presidenta:,"
            + "president@peru.parliament.example,,America/Lima_Peru\n"                          // 11 time zone
            + row("ug", "Agnes Twice")                                                          // 12 duplicate of 2
            + "KZ,Parliament,Kazakhstan,Member,Eurasia,en,Nurlan Abenov\n"                       // 13 too few values
            + "FR,Parlement,France,Member,Twelve Plus,fr,Hélène Dubois,\"Madame la Présidente,\","
            + "Hélène <president@france.parliament.example>,secretary@france,Europe/Paris\n";   // 14 two emails

    DirectoryImportException e = rejected(utf8(file));

    assertThat(e).isNotNull();
    assertThat(e.getErrors())
        .extracting(ImportError::line, ImportError::reason)
        .containsExactly(
            tuple(6, "name: missing value"),
            tuple(7, "president_email: \"president@cameroun\" is not a valid email address (the domain has no dot)"),
            tuple(8, "kind: unknown kind \"Observer\" (expected Member, Associate Member, Permanent Observer)"),
            tuple(9, "groups: unknown group \"Asia Pacific\" (expected African, Arab, Asia-Pacific, Eurasia, GRULAC,"
                + " Twelve Plus; several groups separated by \";\")"),
            tuple(10, "language: unknown language \"pt\" (expected en, fr or es)"),
            tuple(11, "time_zone: unknown time zone \"America/Lima_Peru\" (expected an IANA time zone id such as"
                + " Europe/Zurich)"),
            tuple(12, "code: duplicate code \"UG\" (first used on line 2)"),
            tuple(13, "Wrong number of values: expected 11 (as in the header row), found 7"),
            tuple(14, "president_email: \"Hélène <president@france.parliament.example>\" is not a valid email address"
                + " (a bare address such as president@parliament.example is expected)"),
            tuple(14, "secretary_email: \"secretary@france\" is not a valid email address (the domain has no dot)"));
    assertThat(e.getMessage()).startsWith("Directory file rejected, nothing imported (10 errors): line 6: name");

    assertThat(repository.findAll()).isEqualTo(before);
    assertThat(repository.find("UG").orElseThrow().presidentName()).isEqualTo("Agnes Old");
    assertThat(repository.find("NZ")).isEmpty();
  }

  @Test
  void badCodesAreReported() {
    DirectoryImportException e =
        rejected(
            utf8(
                HEADER
                    + row("UG", "Too Short").replaceFirst("^UG", "U")
                    + row("UG", "Underscore").replaceFirst("^UG", "U_G")
                    + row("UG", "Long").replaceFirst("^UG", "ABCDEFGHIJKLMNOPQRSTU")));

    assertThat(e.getErrors())
        .extracting(ImportError::line, ImportError::reason)
        .containsExactly(
            tuple(2, "code: \"U\" is not a valid code (2 to 20 characters: letters A-Z, digits, '-')"),
            tuple(3, "code: \"U_G\" is not a valid code (2 to 20 characters: letters A-Z, digits, '-')"),
            tuple(4, "code: \"ABCDEFGHIJKLMNOPQRSTU\" is not a valid code (2 to 20 characters: letters A-Z, digits,"
                + " '-')"));
    assertThat(repository.count()).isZero();
  }

  @Test
  void aNulCharacterIsReportedByItsLineAndColumnAndNothingIsImported() {
    DirectoryImportException e =
        rejected(utf8(HEADER + row("UG", "Agnes Example") + row("KE", "Joseph\u0000Example")));

    assertThat(e.getErrors())
        .extracting(ImportError::line, ImportError::reason)
        .containsExactly(tuple(3, "president_name: contains a control character (such as U+0000), which no name or"
            + " address has; check the file's encoding"));
    assertThat(repository.count()).isZero();
  }

  @Test
  void severalProblemsInOneRowAreAllReported() {
    DirectoryImportException e =
        rejected(utf8(HEADER + "XX,,,Member,Nowhere;GRULAC,de,,,,,\n"));

    assertThat(e.getErrors())
        .extracting(ImportError::reason)
        .containsExactly(
            "name: missing value",
            "country: missing value",
            "groups: unknown group \"Nowhere\" (expected African, Arab, Asia-Pacific, Eurasia, GRULAC, Twelve Plus;"
                + " several groups separated by \";\")",
            "language: unknown language \"de\" (expected en, fr or es)",
            "president_name: missing value",
            "salutation: missing value",
            "president_email: missing value",
            "time_zone: missing value");
    assertThat(e.getErrors()).extracting(ImportError::line).containsOnly(2);
  }

  @Test
  void tooLongValueIsReportedInsteadOfFailingInTheDatabase() {
    String longName = "N".repeat(301);
    DirectoryImportException e = rejected(utf8(HEADER + row("UG", "Agnes").replace("Parliament of UG", longName)));

    assertThat(e.getErrors()).singleElement()
        .satisfies(err -> assertThat(err.reason()).startsWith("name: value too long (301 characters, at most 300)"));
  }

  @Test
  void unclosedQuoteIsReported() {
    DirectoryImportException e =
        rejected(utf8(HEADER + row("UG", "Agnes") + "\n \n" + "KE,\"Parliament of Kenya,Kenya,Member,African,en,Joseph,x,"
            + "president@kenya.parliament.example,,Africa/Nairobi\n"));

    assertThat(e.getErrors()).singleElement()
        .satisfies(
            err -> {
              assertThat(err.line()).isEqualTo(5);
              assertThat(err.reason()).startsWith("The file cannot be read as CSV from here on").contains("quotes");
            });
    assertThat(repository.count()).isZero();

    assertThat(rejected(utf8("\"code,name\n")).getErrors()).singleElement()
        .satisfies(
            err -> {
              assertThat(err.line()).isEqualTo(1);
              assertThat(err.reason()).startsWith("The header row cannot be read as CSV");
            });
  }

  // ------------------------------------------------------------------------------- file level

  @Test
  void fileInIso88591IsRejectedAsNotUtf8() {
    byte[] latin1 =
        (HEADER + row("UG", "Agnes") + row("BF", "Adama Ouédraogo")).getBytes(StandardCharsets.ISO_8859_1);

    DirectoryImportException e = rejected(latin1);

    assertThat(e.getErrors()).singleElement()
        .satisfies(
            err -> {
              assertThat(err.line()).isEqualTo(3);
              assertThat(err.reason())
                  .startsWith("The file is not valid UTF-8 text (invalid byte 0xE9)")
                  .contains("Save it as \"CSV UTF-8\"");
            });
    assertThat(repository.count()).isZero();
  }

  @Test
  void byteOrderMarkIsIgnored() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = utf8(HEADER + row("BF", "Adama Ouédraogo"));
    byte[] content = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(body, 0, content, bom.length, body.length);

    assertThat(importer.importCsv(content).imported()).isEqualTo(1);
    assertThat(repository.find("BF").orElseThrow().presidentName()).isEqualTo("Adama Ouédraogo");
  }

  @Test
  void missingColumnsAreReportedOnceForTheHeader() {
    String header = "code,name,country,kind,groups,language,president_name,salutation,secretary_email\n";
    DirectoryImportException e =
        rejected(utf8(header + "UG,Parliament,Uganda,Member,African,en,Agnes,Dear,\n" + "KE,x\n"));

    assertThat(e.getErrors())
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.line()).isEqualTo(1);
              assertThat(err.reason())
                  .startsWith("Missing required columns president_email, time_zone in the header row.")
                  .contains("Expected columns: code,name,country,kind,groups,language,president_name,salutation,"
                      + "president_email,secretary_email,time_zone");
            });
  }

  @Test
  void semicolonSeparatedFileGetsAHint() {
    DirectoryImportException e = rejected(utf8(HEADER.replace(',', ';') + "UG;x\n"));

    assertThat(e.getErrors()).singleElement()
        .satisfies(err -> assertThat(err.reason()).contains("separated by \";\""));
  }

  @Test
  void columnsMayComeInAnyOrderAndSecretaryColumnMayBeLeftOut() {
    String file =
        "Time_Zone, CODE ,name,country,kind,groups,language,president_name,salutation,president_email\n"
            + "europe/zurich,ch,Assemblée fédérale,Suisse,permanent observer,twelve plus;TWELVE_PLUS,FR,Isabelle Favre,"
            + "\"Madame la Présidente,\",president@suisse.parliament.example\n";

    assertThat(importer.importCsv(utf8(file)).imported()).isEqualTo(1);

    Invitee ch = repository.find("CH").orElseThrow();
    assertThat(ch.timeZone()).isEqualTo(ZoneId.of("Europe/Zurich"));
    assertThat(ch.kind()).isEqualTo(InviteeKind.PERMANENT_OBSERVER);
    assertThat(ch.groups()).containsExactly(GeopoliticalGroup.TWELVE_PLUS);
    assertThat(ch.language()).isEqualTo(Language.FR);
    assertThat(ch.secretaryEmail()).isNull();
  }

  @Test
  void emptyFileAndHeaderOnlyAreRejected() {
    assertThat(rejected(new byte[0]).getErrors()).singleElement()
        .satisfies(err -> assertThat(err.reason()).startsWith("The file is empty"));
    assertThat(rejected(utf8(HEADER + "\n,,,,,,,,,,\n")).getErrors()).singleElement()
        .isEqualTo(new ImportError(0, "The file has a header row but no invitee rows"));
  }

  @Test
  void oversizeFileIsRejected() {
    DirectoryCsvImporter small = new DirectoryCsvImporter(repository, 1024);
    byte[] content = utf8(HEADER + row("UG", "A".repeat(150)) + row("KE", "B".repeat(150)) + row("NG", "C".repeat(150))
        + row("ZA", "D".repeat(150)));
    assertThat(content.length).isGreaterThan(1024);

    for (ThrowingImport attempt :
        List.<ThrowingImport>of(() -> small.importCsv(content), () -> small.importCsv(new ByteArrayInputStream(content)))) {
      assertThatThrownBy(attempt::run)
          .isInstanceOfSatisfying(
              DirectoryImportException.class,
              e -> assertThat(e.getErrors())
                  .containsExactly(new ImportError(0, "The file is too large: the limit is 1 KB (1024 bytes)")));
    }
    assertThat(repository.count()).isZero();
  }

  @Test
  void defaultLimitIsFiveMegabytesAndTheStreamIsNotReadBeyondIt() {
    assertThat(importer.maxBytes()).isEqualTo(5L * 1024 * 1024);
    CountingEndlessStream endless = new CountingEndlessStream();

    DirectoryImportException e =
        catchThrowableOfType(DirectoryImportException.class, () -> importer.importCsv(endless));

    assertThat(e.getErrors())
        .containsExactly(new ImportError(0, "The file is too large: the limit is 5 MB (5242880 bytes)"));
    assertThat(endless.read).isLessThanOrEqualTo(5L * 1024 * 1024 + 1);
  }

  interface ThrowingImport {
    void run();
  }

  static final class CountingEndlessStream extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      Arrays.fill(b, off, off + len, (byte) 'x');
      read += len;
      return len;
    }
  }

  // ------------------------------------------------------------------------------- re-import

  @Test
  void reImportUpdatesExistingInviteesAndAddsNewOnes() {
    importer.importCsv(utf8(HEADER + row("UG", "Agnes Old") + row("KE", "Joseph")));

    String updated =
        HEADER
            + "ug,Parliament of the Republic of Uganda,Uganda,Member,African;Twelve Plus,fr,Jacob Oulanyah,"
            + "\"Monsieur le Président,\",speaker@uganda.parliament.example,,Africa/Nairobi\n"
            + row("NG", "Ibrahim");
    ImportResult result = importer.importCsv(utf8(updated));

    assertThat(result.imported()).isEqualTo(2);
    assertThat(repository.count()).isEqualTo(3);
    Invitee uganda = repository.find("UG").orElseThrow();
    assertThat(uganda)
        .isEqualTo(
            new Invitee(
                "UG", "Parliament of the Republic of Uganda", "Uganda", InviteeKind.MEMBER,
                EnumSet.of(GeopoliticalGroup.AFRICAN, GeopoliticalGroup.TWELVE_PLUS), Language.FR,
                "Jacob Oulanyah", "Monsieur le Président,", "speaker@uganda.parliament.example", null,
                ZoneId.of("Africa/Nairobi")));
    assertThat(repository.find("KE").orElseThrow().presidentName()).isEqualTo("Joseph");
  }

  @Test
  void saveAllIsOneTransaction() {
    importer.importCsv(utf8(HEADER + row("UG", "Agnes")));
    List<Invitee> before = repository.findAll();
    Invitee good = before.get(0);
    Invitee changed =
        new Invitee(
            "UG", "Renamed", good.country(), good.kind(), good.groups(), good.language(), good.presidentName(),
            good.salutation(), good.presidentEmail(), good.secretaryEmail(), good.timeZone());
    Invitee tooLong =
        new Invitee(
            "KE", "K".repeat(400), "Kenya", InviteeKind.MEMBER, Set.of(GeopoliticalGroup.AFRICAN), Language.EN,
            "Joseph", "Dear Mr. President,", "president@kenya.parliament.example", null, ZoneId.of("Africa/Nairobi"));

    assertThatThrownBy(() -> repository.saveAll(List.of(changed, tooLong))).isNotNull();

    assertThat(repository.findAll()).isEqualTo(before);
  }

  // --------------------------------------------------------------------------------- emails

  @Test
  void emailValidationIsStrict() {
    assertThat(DirectoryCsvImporter.emailProblem("president@uganda.parliament.example")).isEmpty();
    assertThat(DirectoryCsvImporter.emailProblem("first.last+ipu@sub-domain.example")).isEmpty();
    for (String bad :
        List.of(
            "president@uganda", "president uganda@parliament.example", "president@@parliament.example",
            "president@parliament..example", "president@-parliament.example", "president@parliament.example.",
            "@parliament.example", "president", "Agnes <president@parliament.example>",
            "a@b.example, c@d.example", "president@[192.168.0.1]", "président@parliament.example")) {
      assertThat(DirectoryCsvImporter.emailProblem(bad)).as(bad).isPresent();
    }
  }
}
