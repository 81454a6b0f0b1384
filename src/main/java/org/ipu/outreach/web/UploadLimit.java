package org.ipu.outreach.web;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit is refused before any controller is chosen, so ApiErrors (limited
 * to our REST controllers) never sees it; without this the answer is a bare 413 that names nothing.
 */
@RestControllerAdvice
class UploadLimit {

  private final DataSize maxFileSize;

  UploadLimit(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
    this.maxFileSize = maxFileSize;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, List<String>>> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(Map.of("errors", List.of("The file is larger than " + maxFileSize.toMegabytes()
            + " MB, the most an upload may be. Nothing was imported.")));
  }
}
