package org.ipu.outreach.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.ipu.outreach.config.SchedulerThreads;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox over one SMTP connection per round, at most at the configured rate. Each
 * message carries a Message-ID derived from its outbox row, so a redelivery after a crash between
 * "accepted by the server" and "marked sent" is recognisable as the same letter.
 *
 * <p>One node at a time sends ({@link SenderLease}, renewed during the round before it can run out).
 * A round claims its mails together; each is marked sent as soon as the server has accepted it, so a
 * crash leaves at most one letter delivered but not marked. The mails a node that died had claimed
 * are sent again (same Message-ID) once the claim has run out.
 */
@Component
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final MailOutbox outbox;
  private final JavaMailSenderImpl smtp;
  private final OutreachMailProperties properties;
  private final MailIncidents incidents;
  private final SenderLease lease;
  private final MimeLetters letters;
  /** System.nanoTime() of the latest message handed to the server: the rate holds across rounds. */
  private long lastSendNanos;
  private boolean sentBefore;
  private Session sendingSession;
  private Session sendingSessionBase;

  public OutboxSender(
      MailOutbox outbox,
      JavaMailSenderImpl smtp,
      OutreachMailProperties properties,
      MailIncidents incidents,
      SenderLease lease,
      MimeLetters letters) {
    this.letters = letters;
    this.outbox = outbox;
    this.smtp = smtp;
    this.properties = properties;
    this.incidents = incidents;
    this.lease = lease;
  }

  @Scheduled(
      fixedDelayString = "${outreach.mail.poll-interval}",
      initialDelayString = "${outreach.mail.poll-interval}",
      scheduler = SchedulerThreads.MAIL)
  public void scheduledRound() {
    deliverDue();
  }

  /** Delivers what is due now; returns how many mails the SMTP server accepted. */
  public synchronized int deliverDue() {
    Duration leaseHold = properties.claimHold().plus(interval());
    if (!lease.acquire(leaseHold)) {
      return 0; // another node is sending
    }
    List<OutboxMail> due =
        outbox.claimDue(ClockUtil.getCurrentTime().toInstant(), properties.claimHold(), properties.batchSize());
    int sent = 0;
    Transport transport = null;
    try {
      for (int i = 0; i < due.size(); i++) {
        if (!lease.keep(leaseHold)) {
          break; // lost the lease (e.g. a long pause): the new holder goes on
        }
        OutboxMail mail = due.get(i);
        MimeMessage message;
        try {
          message = letters.forDelivery(mail, messageId(mail));
        } catch (MessagingException | RuntimeException e) {
          failed(mail, e); // e.g. an address the outbox should never have accepted
          continue;
        }
        if (transport == null) {
          try {
            transport = connect();
          } catch (MessagingException e) {
            // no connection: this mail and the rest of the round wait for their next attempt
            failed(mail, e);
            failRest(due.subList(i + 1, due.size()), e);
            break;
          }
        }
        // paced right before the hand-over, so that the server sees the configured spacing
        pace();
        lastSendNanos = System.nanoTime();
        sentBefore = true;
        if (deliver(transport, mail, message)) {
          sent++;
        }
      }
    } finally {
      close(transport);
    }
    return sent;
  }

  private void failRest(List<OutboxMail> rest, MessagingException e) {
    rest.forEach(mail -> failed(mail, e));
  }

  private Transport connect() throws MessagingException {
    Transport transport = sendingSession().getTransport(protocol());
    transport.connect(smtp.getHost(), smtp.getPort(), blankToNull(smtp.getUsername()), blankToNull(smtp.getPassword()));
    return transport;
  }

  private String protocol() {
    return smtp.getProtocol() == null ? "smtp" : smtp.getProtocol();
  }

  /**
   * The application's mail session with Nagle's algorithm off on plain SMTP connections. The client
   * writes a message in more than one piece and then waits for the server's reply; with Nagle's
   * algorithm the last piece waits for the acknowledgement of the previous one, which the server delays
   * (40 ms on Linux): in the benchmark a stored letter took 40 ms instead of a fraction of a millisecond.
   * STARTTLS wraps the same socket, so it keeps the option; implicit TLS (smtps) keeps its own factory.
   */
  public Session sendingSession() {
    Session session = smtp.getSession();
    if (!"smtp".equals(protocol())) {
      return session;
    }
    if (sendingSession == null || sendingSessionBase != session) {
      Properties props = new Properties();
      props.putAll(session.getProperties());
      props.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
      sendingSession = Session.getInstance(props);
      sendingSessionBase = session;
    }
    return sendingSession;
  }

  /** An empty SMTP_USER means "no authentication", not "authenticate as nobody". */
  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private boolean deliver(Transport transport, OutboxMail mail, MimeMessage message) {
    try {
      transport.sendMessage(message, message.getAllRecipients());
      outbox.markSent(mail.id(), message.getMessageID(), ClockUtil.getCurrentTime().toInstant());
      return true;
    } catch (MessagingException | RuntimeException e) {
      failed(mail, e);
      return false;
    }
  }

  /** The exception and its causes, e.g. "MessagingException: Exception reading response; Read timed out". */
  private static String describe(Throwable e) {
    StringBuilder s = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      s.append("; ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
    }
    return s.toString();
  }

  private void failed(OutboxMail mail, Exception e) {
    String error = describe(e);
    int attempts = mail.attempts() + 1;
    if (attempts >= properties.maxAttempts()) {
      outbox.markFailed(mail.id(), error);
      incidents.raise(mail, attempts, error);
    } else {
      Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
      outbox.markRetry(mail.id(), error, ClockUtil.getCurrentTime().toInstant().plus(wait));
      log.warn("Mail {} ({}) not delivered, attempt {} of {}: {}", mail.id(), mail.kind(), attempts,
          properties.maxAttempts(), PersonalData.withoutAddresses(error));
    }
  }

  private String messageId(OutboxMail mail) {
    String from = properties.from();
    String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim();
    return "<outbox-" + mail.id() + "@" + domain + ">";
  }

  private Duration interval() {
    return properties.maxPerMinute() <= 0 ? Duration.ZERO : Duration.ofMinutes(1).dividedBy(properties.maxPerMinute());
  }

  /**
   * Waits until one interval (a minute divided by max-per-minute) after the previous message was handed
   * to the server, whichever round it was in: messages are spaced exactly, never closer.
   */
  private void pace() {
    long interval = interval().toNanos();
    if (interval == 0 || !sentBefore) {
      return;
    }
    long wait = lastSendNanos + interval - System.nanoTime();
    try {
      while (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        wait = lastSendNanos + interval - System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void close(Transport transport) {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        log.debug("Closing the SMTP connection failed", e);
      }
    }
  }
}
