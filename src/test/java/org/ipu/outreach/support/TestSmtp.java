package org.ipu.outreach.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** One real SMTP server for the whole test JVM (Spring contexts are cached across test classes). */
public final class TestSmtp {

  private static GreenMail server;

  private TestSmtp() {}

  public static synchronized GreenMail server() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return server;
  }

  public static int port() {
    return server().getSmtp().getPort();
  }

  /** Messages received for this address (as To or Cc): counted on the server itself. */
  public static List<MimeMessage> receivedBy(String address) {
    return Arrays.stream(server().getReceivedMessages())
        .filter(m -> isFor(m, address))
        .toList();
  }

  private static boolean isFor(MimeMessage m, String address) {
    try {
      var recipients = m.getRecipients(Message.RecipientType.TO);
      return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().contains(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
