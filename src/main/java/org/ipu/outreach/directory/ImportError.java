package org.ipu.outreach.directory;

/**
 * One problem found in a directory file.
 *
 * @param line physical line number in the file (the header is line 1); 0 when the problem concerns
 *     the file as a whole (size, encoding without a position, empty file)
 * @param reason what is wrong, naming the field and the offending value
 */
public record ImportError(int line, String reason) {

  @Override
  public String toString() {
    return line > 0 ? "line " + line + ": " + reason : reason;
  }
}
