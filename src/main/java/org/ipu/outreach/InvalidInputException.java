package org.ipu.outreach;

import java.util.List;

/**
 * Input a user gave that cannot be accepted. The message names what is wrong; it is shown as it is,
 * in Tasklist when thrown from a form submission, and as a 400 answer from our endpoints. Nothing is
 * changed: it is thrown before any write, or rolls the transaction back.
 */
public class InvalidInputException extends RuntimeException {

  private final List<String> problems;

  public InvalidInputException(String message) {
    this(List.of(message));
  }

  public InvalidInputException(List<String> problems) {
    super(String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
