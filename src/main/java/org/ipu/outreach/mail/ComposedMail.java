package org.ipu.outreach.mail;

/** A rendered letter, ready for the outbox. The attachment is null when there is none. */
public record ComposedMail(String subject, String text, String html, Attachment attachment) {

  public record Attachment(String fileName, String contentType, String content) {}
}
