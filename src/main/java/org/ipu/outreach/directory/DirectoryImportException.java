package org.ipu.outreach.directory;

import java.util.List;
import java.util.stream.Collectors;

/** The directory file was rejected; nothing was imported. Carries every problem found. */
public class DirectoryImportException extends RuntimeException {

  private static final int ERRORS_IN_MESSAGE = 10;

  private final List<ImportError> errors;

  public DirectoryImportException(List<ImportError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public DirectoryImportException(ImportError error) {
    this(List.of(error));
  }

  public List<ImportError> getErrors() {
    return errors;
  }

  private static String summary(List<ImportError> errors) {
    String shown =
        errors.stream()
            .limit(ERRORS_IN_MESSAGE)
            .map(ImportError::toString)
            .collect(Collectors.joining("; "));
    int more = errors.size() - ERRORS_IN_MESSAGE;
    return "Directory file rejected, nothing imported ("
        + errors.size()
        + (errors.size() == 1 ? " error): " : " errors): ")
        + shown
        + (more > 0 ? "; ... and " + more + " more" : "");
  }
}
