package org.ipu.outreach.mail;

import java.time.Instant;

/** One row of the mail outbox: a letter to deliver, being delivered, delivered or failed. */
public record OutboxMail(
    long id,
    String dedupKey,
    MailKind kind,
    String language,
    String processInstanceId,
    String businessKey,
    String to,
    String cc,
    String subject,
    String text,
    String html,
    ComposedMail.Attachment attachment,
    /** The letter as sent, MIME-encoded without its Message-ID; null for letters written before V6. */
    String encoded,
    OutboxStatus status,
    int attempts,
    String lastError,
    String messageId,
    Instant createdAt,
    Instant sentAt) {}
