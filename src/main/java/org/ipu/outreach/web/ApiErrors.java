package org.ipu.outreach.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input to our JSON endpoints: 400 with every problem named (404 for what does not exist), and nothing changed. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, List<String>>> invalid(InvalidInputException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("errors", e.problems()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, List<String>>> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("errors", List.of(e.getMessage())));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, List<String>>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("errors", List.of(describe(e))));
  }

  /** Names the field whose value has the wrong type (e.g. a text where a list is expected). */
  static String describe(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining())
          .substring(1);
      return "The request body is JSON, but '" + field + "' has the wrong type or shape.";
    }
    return "The request body is not valid JSON of the expected shape.";
  }
}
