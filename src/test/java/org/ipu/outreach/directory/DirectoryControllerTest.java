package org.ipu.outreach.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import org.ipu.outreach.security.StaffAccess;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The controller with the real importer; only the repository is mocked. */
@WebMvcTest
class DirectoryControllerTest {

  @SpringBootConfiguration
  @Import({DirectoryController.class, DirectoryCsvImporter.class})
  static class Config {}

  static final String HEADER = DirectoryCsvImporterTest.HEADER;

  @Autowired MockMvc mvc;
  @MockitoBean InviteeRepository repository;
  /** Who may call is tested with the real filter in the security tests; here everybody may. */
  @MockitoBean StaffAccess staff;

  @Test
  @SuppressWarnings("unchecked")
  void importsCsvBody() throws Exception {
    String csv = HEADER + DirectoryCsvImporterTest.row("UG", "Agnes") + DirectoryCsvImporterTest.row("KE", "Joseph");

    mvc.perform(post("/api/directory/import").contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"imported\":2}", true));

    ArgumentCaptor<Collection<Invitee>> saved = ArgumentCaptor.forClass(Collection.class);
    verify(repository).saveAll(saved.capture());
    assertThat(saved.getValue()).extracting(Invitee::code).containsExactly("UG", "KE");
  }

  @Test
  void importsMultipartFile() throws Exception {
    byte[] csv = (HEADER + DirectoryCsvImporterTest.row("UG", "Agnes")).getBytes(StandardCharsets.UTF_8);

    mvc.perform(multipart("/api/directory/import").file(new MockMultipartFile("file", "directory.csv", "text/csv", csv)))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"imported\":1}", true));
  }

  @Test
  void rejectsBadRowsWith400AndImportsNothing() throws Exception {
    String csv =
        HEADER
            + DirectoryCsvImporterTest.row("UG", "Agnes")
            + DirectoryCsvImporterTest.row("KE", "Joseph").replace(",Member,", ",Observer,")
            + DirectoryCsvImporterTest.row("ug", "Again");

    mvc.perform(post("/api/directory/import").contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .json(
                    """
                    {"errors":[
                      {"line":3,"reason":"kind: unknown kind \\"Observer\\" (expected Member, Associate Member, Permanent Observer)"},
                      {"line":4,"reason":"code: duplicate code \\"UG\\" (first used on line 2)"}
                    ]}
                    """,
                    true));
    verify(repository, never()).saveAll(any());
  }

  @Test
  void rejectsMultipartFileThatIsNotUtf8() throws Exception {
    byte[] latin1 =
        (HEADER + DirectoryCsvImporterTest.row("BF", "Adama Ouédraogo")).getBytes(StandardCharsets.ISO_8859_1);

    mvc.perform(multipart("/api/directory/import").file(new MockMultipartFile("file", "directory.csv", "text/csv", latin1)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/json"))
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("\"line\":2")
                    .contains("not valid UTF-8"));
    verify(repository, never()).saveAll(any());
  }

  @Test
  void listsTheDirectory() throws Exception {
    when(repository.findAll())
        .thenReturn(
            List.of(
                new Invitee(
                    "NZ", "New Zealand Parliament", "New Zealand", InviteeKind.MEMBER,
                    EnumSet.of(GeopoliticalGroup.TWELVE_PLUS, GeopoliticalGroup.ASIA_PACIFIC), Language.EN,
                    "Aroha Ngata", "Dear Madam President,", "president@newzealand.parliament.example", null,
                    ZoneId.of("Pacific/Auckland"))));

    mvc.perform(get("/api/directory"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .json(
                    """
                    [{"code":"NZ","name":"New Zealand Parliament","country":"New Zealand","kind":"Member",
                      "groups":["Asia-Pacific","Twelve Plus"],"language":"en","presidentName":"Aroha Ngata",
                      "salutation":"Dear Madam President,","presidentEmail":"president@newzealand.parliament.example",
                      "secretaryEmail":null,"timeZone":"Pacific/Auckland"}]
                    """,
                    true));
  }
}
