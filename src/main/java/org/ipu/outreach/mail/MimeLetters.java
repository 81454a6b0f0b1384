package org.ipu.outreach.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Letters as MIME messages. A letter is encoded when it is written into the outbox, in the process
 * step's transaction (job executor threads, on every node), so that the one node that sends only hands
 * stored text to the server: encoding is most of a message's cost on the client side. The Message-ID,
 * derived from the outbox row, is added when the letter is sent.
 */
@Component
public class MimeLetters {

  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail 2.1 looks up its StreamProvider for every encoder, decoder and multipart it creates,
    // through the ServiceLoader (a scan of the class path) unless the provider is named here, which
    // makes it a class lookup: that scan was half the cost of writing and sending a letter in the
    // benchmark (jakartaee/mail-api#861).
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final JavaMailSenderImpl smtp;
  private final OutreachMailProperties properties;

  public MimeLetters(JavaMailSenderImpl smtp, OutreachMailProperties properties) {
    this.smtp = smtp;
    this.properties = properties;
  }

  /** The letter as it will be sent (7-bit text: headers and bodies are encoded), without its Message-ID. */
  public String encode(String to, String cc, ComposedMail mail) {
    try {
      MimeMessage message = build(to, cc, mail, null);
      ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
      message.writeTo(out);
      return out.toString(StandardCharsets.US_ASCII);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("The letter cannot be encoded: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outbox row as a message to send, with the given Message-ID. */
  MimeMessage forDelivery(OutboxMail mail, String messageId) throws MessagingException {
    if (mail.encoded() == null) {
      // written before letters were encoded in the outbox
      return build(mail.to(), mail.cc(), new ComposedMail(mail.subject(), mail.text(), mail.html(), mail.attachment()),
          messageId);
    }
    MimeMessage message =
        new MimeMessage(smtp.getSession(), new ByteArrayInputStream(mail.encoded().getBytes(StandardCharsets.US_ASCII)));
    // a parsed message counts as saved: it is sent as stored, only this header is added
    message.setHeader("Message-ID", messageId);
    return message;
  }

  private MimeMessage build(String to, String cc, ComposedMail mail, String messageId) throws MessagingException {
    MimeMessage message = new StableIdMimeMessage(smtp.getSession(), messageId);
    message.setFrom(new InternetAddress(properties.from()));
    message.setReplyTo(InternetAddress.parse(properties.replyTo()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    if (cc != null && !cc.isBlank()) {
      message.setRecipients(Message.RecipientType.CC, InternetAddress.parse(cc));
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

  /** A MimeMessage whose Message-ID is ours (none while it is stored), not a random one made at saveChanges(). */
  private static final class StableIdMimeMessage extends MimeMessage {
    private final String id;

    StableIdMimeMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      if (id != null) {
        setHeader("Message-ID", id);
      }
    }
  }
}
