package org.ipu.outreach.benchmark;

import jakarta.mail.*;
import jakarta.mail.internet.*;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpScratchTest {
  @Test
  void compare() throws Exception {
    try (CountingSmtpServer smtp = new CountingSmtpServer()) {
      Properties props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", String.valueOf(smtp.port()));
      Session session = Session.getInstance(props);
      for (int round = 0; round < 2; round++) {
        System.out.println("simple " + run(session, simple(session)));
        System.out.println("multipart " + run(session, multipart(session)));
      }
    }
  }

  MimeMessage simple(Session s) throws Exception {
    MimeMessage m = new MimeMessage(s);
    m.setFrom(new InternetAddress("a@b.org"));
    m.setRecipients(Message.RecipientType.TO, "x@y.org");
    m.setSubject("s");
    m.setText("x".repeat(6000));
    m.saveChanges();
    return m;
  }

  MimeMessage multipart(Session s) throws Exception {
    MimeMessage m = new MimeMessage(s);
    m.setFrom(new InternetAddress("a@b.org"));
    m.setRecipients(Message.RecipientType.TO, "x@y.org");
    m.setSubject("s");
    MimeMultipart alt = new MimeMultipart("alternative");
    MimeBodyPart t = new MimeBodyPart();
    t.setText("x".repeat(2000), "UTF-8");
    MimeBodyPart h = new MimeBodyPart();
    h.setContent("<p>" + "x".repeat(4000) + "</p>", "text/html; charset=UTF-8");
    alt.addBodyPart(t);
    alt.addBodyPart(h);
    m.setContent(alt);
    m.saveChanges();
    return m;
  }

  double run(Session session, MimeMessage m) throws Exception {
    try (Transport tr = session.getTransport("smtp")) {
      tr.connect();
      long t = System.nanoTime();
      for (int i = 0; i < 100; i++) tr.sendMessage(m, m.getAllRecipients());
      return 100 * 1e9 / (System.nanoTime() - t);
    }
  }
}
