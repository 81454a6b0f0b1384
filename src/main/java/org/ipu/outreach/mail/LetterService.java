package org.ipu.outreach.mail;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/** Writes a letter into the outbox, in the caller's transaction. */
@Service
public class LetterService {

  private final MailComposer composer;
  private final MailOutbox outbox;

  public LetterService(MailComposer composer, MailOutbox outbox) {
    this.composer = composer;
    this.outbox = outbox;
  }

  /** Who a letter goes to; cc may be null. */
  public record Recipients(String to, String cc) {}

  /** Where the letter belongs: its unique key and the process instance that decided to send it. */
  public record Origin(String dedupKey, String processInstanceId, String businessKey) {}

  /** Whether the letter with this key is in the outbox already (so a step run again writes nothing new). */
  public boolean isQueued(String dedupKey) {
    return outbox.exists(dedupKey);
  }

  /** Returns false when this very letter (same key) is in the outbox already. */
  public boolean queue(MailKind kind, LetterContext context, Recipients to, Origin origin) {
    if (outbox.exists(origin.dedupKey())) {
      return false;
    }
    ComposedMail mail = composer.compose(kind, context);
    outbox.enqueue(
        new MailOutbox.NewMail(
            origin.dedupKey(), kind, context.invitee().language().code(), origin.processInstanceId(),
            origin.businessKey(), to.to(), to.cc(), mail),
        ClockUtil.getCurrentTime().toInstant());
    return true;
  }
}
