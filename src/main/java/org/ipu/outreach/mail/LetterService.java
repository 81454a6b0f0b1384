package org.ipu.outreach.mail;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Writes a letter into the outbox, in the caller's transaction. */
@Service
public class LetterService {

  private static final Logger log = LoggerFactory.getLogger(LetterService.class);

  private final MailComposer composer;
  private final MailOutbox outbox;
  private final MimeLetters mime;

  public LetterService(MailComposer composer, MailOutbox outbox, MimeLetters mime) {
    this.composer = composer;
    this.outbox = outbox;
    this.mime = mime;
  }

  /** Who a letter goes to; cc may be null. */
  public record Recipients(String to, String cc) {}

  /** Where the letter belongs: its unique key and the process instance that decided to send it. */
  public record Origin(String dedupKey, String processInstanceId, String businessKey) {}

  /** Returns false when this very letter (same key) is in the outbox already. */
  public boolean queue(MailKind kind, LetterContext context, Recipients to, Origin origin) {
    return queue(kind, () -> context, to, origin);
  }

  /**
   * The same, for a context made only when the letter is really written (e.g. with a new personal link),
   * so that a step run again leaves nothing behind.
   */
  public boolean queue(MailKind kind, Supplier<LetterContext> letter, Recipients to, Origin origin) {
    if (outbox.exists(origin.dedupKey())) {
      return false;
    }
    write(kind, letter.get(), to, origin);
    return true;
  }

  /**
   * A letter written once by its nature (its key is new, e.g. the confirmation of one reply in the
   * request that recorded it): no look-up of the key first; the outbox's unique key still guards it.
   */
  public void queueNew(MailKind kind, LetterContext context, Recipients to, Origin origin) {
    write(kind, context, to, origin);
  }

  private void write(MailKind kind, LetterContext context, Recipients to, Origin origin) {
    ComposedMail mail = composer.compose(kind, context);
    outbox.enqueue(
        new MailOutbox.NewMail(
            origin.dedupKey(), kind, context.invitee().language().code(), origin.processInstanceId(),
            origin.businessKey(), to.to(), to.cc(), mail, mime.encode(to.to(), to.cc(), mail)),
        ClockUtil.getCurrentTime().toInstant());
    // the log context names the invitation (monitoring/LogContext); the letter names nobody here
    log.info("Letter {} queued", kind);
  }
}
