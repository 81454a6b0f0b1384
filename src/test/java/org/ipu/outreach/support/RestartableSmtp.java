package org.ipu.outreach.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real SMTP server (GreenMail) on a fixed port that can be stopped and started again, as a relay that
 * goes down for a while. Messages received before a stop are kept, so that counts cover the whole test.
 */
public final class RestartableSmtp implements AutoCloseable {

  private final int port;
  private final List<MimeMessage> earlier = new ArrayList<>();
  private GreenMail server;

  public RestartableSmtp() {
    this.port = AppJvm.freePort();
  }

  public int port() {
    return port;
  }

  public synchronized RestartableSmtp start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return this;
  }

  public synchronized void stop() {
    if (server != null) {
      // stopped first, its store read after (GreenMail's own list is empty once stopped): a message
      // accepted while stopping is counted instead of falling between a snapshot and the stop
      Managers store = server.getManagers();
      server.stop();
      for (StoredMessage m : store.getImapHostManager().getAllMessages()) {
        earlier.add(m.getMimeMessage());
      }
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Every copy the server stored: one per recipient of each delivered message. */
  public synchronized List<MimeMessage> received() {
    List<MimeMessage> all = new ArrayList<>(earlier);
    if (server != null) {
      all.addAll(Arrays.asList(server.getReceivedMessages()));
    }
    return all;
  }

  /**
   * Recipient (To) address, lower case, to the Message-IDs of the copies it received whose subject starts
   * with the prefix, repeats included.
   */
  public Map<String, List<String>> messageIdsByRecipient(String subjectPrefix) {
    Map<String, List<String>> byRecipient = new HashMap<>();
    Set<MimeMessage> seen = new HashSet<>();
    for (MimeMessage m : received()) {
      try {
        if (!seen.add(m) || m.getSubject() == null || !m.getSubject().startsWith(subjectPrefix)) {
          continue;
        }
        Address[] to = m.getRecipients(MimeMessage.RecipientType.TO);
        for (Address a : to == null ? new Address[0] : to) {
          byRecipient.computeIfAbsent(((InternetAddress) a).getAddress().toLowerCase(), k -> new ArrayList<>())
              .add(m.getMessageID());
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return byRecipient;
  }
}
