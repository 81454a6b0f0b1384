package org.ipu.outreach.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox over one SMTP connection per round, at most at the configured rate. Each
 * message carries a Message-ID derived from its outbox row, so a redelivery after a crash between
 * "accepted by the server" and "marked sent" is recognisable as the same letter.
 */
@Component
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  /** How long a claimed mail is held before another sender may assume this one died. */
  static final Duration CLAIM_HOLD = Duration.ofMinutes(5);

  private final MailOutbox outbox;
  private final JavaMailSenderImpl smtp;
  private final OutreachMailProperties properties;
  private final MailIncidents incidents;

  public OutboxSender(
      MailOutbox outbox, JavaMailSenderImpl smtp, OutreachMailProperties properties, MailIncidents incidents) {
    this.outbox = outbox;
    this.smtp = smtp;
    this.properties = properties;
    this.incidents = incidents;
  }

  @Scheduled(
      fixedDelayString = "${outreach.mail.poll-interval:PT5S}",
      initialDelayString = "${outreach.mail.poll-interval:PT5S}")
  public void scheduledRound() {
    deliverDue();
  }

  /** Delivers what is due now; returns how many mails the SMTP server accepted. */
  public int deliverDue() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<Long> claimed =
        outbox.due(now, properties.batchSize()).stream().filter(id -> outbox.claim(id, now, CLAIM_HOLD)).toList();
    if (claimed.isEmpty()) {
      return 0;
    }
    int sent = 0;
    Transport transport = null;
    try {
      transport = connect();
      for (Long id : claimed) {
        if (deliver(transport, outbox.find(id).orElseThrow())) {
          sent++;
        }
        pace();
      }
    } catch (MessagingException e) {
      // no connection: every mail of this round waits for its next attempt
      claimed.stream()
          .map(id -> outbox.find(id).orElseThrow())
          .filter(m -> m.status() == OutboxStatus.SENDING)
          .forEach(m -> failed(m, e));
    } finally {
      close(transport);
    }
    return sent;
  }

  private Transport connect() throws MessagingException {
    Session session = smtp.getSession();
    Transport transport = session.getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
    transport.connect(smtp.getHost(), smtp.getPort(), blankToNull(smtp.getUsername()), blankToNull(smtp.getPassword()));
    return transport;
  }

  /** An empty SMTP_USER means "no authentication", not "authenticate as nobody". */
  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private boolean deliver(Transport transport, OutboxMail mail) {
    try {
      MimeMessage message = toMime(mail);
      transport.sendMessage(message, message.getAllRecipients());
      outbox.markSent(mail.id(), message.getMessageID(), ClockUtil.getCurrentTime().toInstant());
      return true;
    } catch (MessagingException | RuntimeException e) {
      failed(mail, e);
      return false;
    }
  }

  private void failed(OutboxMail mail, Exception e) {
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    int attempts = mail.attempts() + 1;
    if (attempts >= properties.maxAttempts()) {
      outbox.markFailed(mail.id(), error);
      incidents.raise(mail, attempts, error);
    } else {
      Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
      outbox.markRetry(mail.id(), error, ClockUtil.getCurrentTime().toInstant().plus(wait));
      log.warn("Mail {} ({}) not delivered, attempt {} of {}: {}", mail.id(), mail.kind(), attempts,
          properties.maxAttempts(), error);
    }
  }

  MimeMessage toMime(OutboxMail mail) throws MessagingException {
    MimeMessage message = new StableIdMimeMessage(smtp.getSession(), messageId(mail));
    message.setFrom(new InternetAddress(properties.from()));
    message.setReplyTo(InternetAddress.parse(properties.replyTo()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
    if (mail.cc() != null && !mail.cc().isBlank()) {
      message.setRecipients(Message.RecipientType.CC, InternetAddress.parse(mail.cc()));
    }
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(mail.html(), "text/html; charset=UTF-8");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    if (mail.attachment() == null) {
      message.setContent(alternative);
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);
      mixed.addBodyPart(body);
      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setDataHandler(
          new DataHandler(
              new ByteArrayDataSource(
                  mail.attachment().content().getBytes(StandardCharsets.UTF_8), mail.attachment().contentType())));
      attachment.setFileName(mail.attachment().fileName());
      mixed.addBodyPart(attachment);
      message.setContent(mixed);
    }
    message.saveChanges();
    return message;
  }

  private String messageId(OutboxMail mail) {
    String from = properties.from();
    String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim();
    return "<outbox-" + mail.id() + "@" + domain + ">";
  }

  private void pace() {
    if (properties.maxPerMinute() <= 0) {
      return;
    }
    try {
      Thread.sleep(60_000L / properties.maxPerMinute());
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

  /** A MimeMessage whose Message-ID is ours, not a random one made at saveChanges(). */
  private static final class StableIdMimeMessage extends MimeMessage {
    private final String id;

    StableIdMimeMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
