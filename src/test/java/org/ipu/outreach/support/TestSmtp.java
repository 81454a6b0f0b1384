package org.ipu.outreach.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * Distinct messages (by Message-ID) the server received for this address as To or Cc, counted on the
   * server itself. The server keeps one copy per recipient, so copies are folded together.
   */
  public static List<MimeMessage> receivedBy(String address) {
    Map<String, MimeMessage> byId = new LinkedHashMap<>();
    for (MimeMessage m : server().getReceivedMessagesForDomain(address)) {
      byId.putIfAbsent(messageId(m), m);
    }
    return List.copyOf(byId.values());
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
