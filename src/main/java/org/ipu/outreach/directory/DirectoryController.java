package org.ipu.outreach.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The directory of invitees.
 *
 * <ul>
 *   <li>{@code POST /api/directory/import} with the CSV file as body ({@code text/csv}) or as the
 *       multipart field {@code file}: 200 {@code {"imported": n}}, or 400 {@code {"errors": [{"line":
 *       3, "reason": "..."}]}} when the file is rejected (then nothing is imported).
 *   <li>{@code GET /api/directory}: every invitee, ordered by code.
 * </ul>
 */
@RestController
@RequestMapping("/api/directory")
class DirectoryController {

  private final DirectoryCsvImporter importer;
  private final InviteeRepository repository;
  private final StaffAccess staff;

  DirectoryController(DirectoryCsvImporter importer, InviteeRepository repository, StaffAccess staff) {
    this.importer = importer;
    this.repository = repository;
    this.staff = staff;
  }

  /** The raw body is read through a size-limited stream: an oversize upload is never held in memory. */
  @PostMapping(
      path = "/import",
      consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ImportResult importCsv(InputStream body) {
    staff.require();
    return importer.importCsv(body);
  }

  /**
   * Note: Spring's own multipart limits (spring.servlet.multipart.max-file-size, 1 MB by default)
   * apply before this method is reached.
   */
  @PostMapping(
      path = "/import",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ImportResult importFile(@RequestParam("file") MultipartFile file) throws IOException {
    staff.require();
    try (InputStream in = file.getInputStream()) {
      return importer.importCsv(in);
    }
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public List<DirectoryEntry> list() {
    staff.require();
    return repository.findAll().stream().map(DirectoryEntry::of).toList();
  }

  @ExceptionHandler(DirectoryImportException.class)
  public ResponseEntity<Map<String, List<ImportError>>> rejected(DirectoryImportException e) {
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("errors", e.getErrors()));
  }
}
