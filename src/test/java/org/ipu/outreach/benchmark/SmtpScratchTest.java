package org.ipu.outreach.benchmark;

import jakarta.mail.*;
import jakarta.mail.internet.*;
import java.io.*;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpScratchTest {
  @Test
  void compare() throws Exception {
    try (CountingSmtpServer smtp = new CountingSmtpServer()) {
      Properties props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", String.valueOf(smtp.port()));
      props.put("mail.smtp.socketFactory", new NoDelay());
      Session session = Session.getInstance(props);
      for (int round = 0; round < 4; round++) {
        System.out.println("simple " + run(session, () -> simple(session)));
        System.out.println("multipart-built-each " + run(session, () -> multipart(session)));
        MimeMessage once = multipart(session);
        System.out.println("multipart-same " + run(session, () -> once));
        ByteArrayOutputStream bo = new ByteArrayOutputStream(); once.writeTo(bo); byte[] bytes = bo.toByteArray();
        System.out.println("bytes-parsed-each " + run(session, () -> new MimeMessage(session, new ByteArrayInputStream(bytes))));
        System.out.println("size " + bytes.length);
      }
    }
  }
  interface Make { MimeMessage make() throws Exception; }

  MimeMessage simple(Session s) throws Exception {
    MimeMessage m = new MimeMessage(s);
    m.setFrom(new InternetAddress("a@b.org"));
    m.setRecipients(Message.RecipientType.TO, "x@y.org, z@y.org");
    m.setSubject("s");
    m.setText("x".repeat(7000));
    m.saveChanges();
    return m;
  }

  static final String TEXT = "Monsieur le Président, j'ai l'honneur de vous inviter à la réunion. ".repeat(30);
  static final String HTML = "<p>Monsieur le Président, j'ai l'honneur de vous inviter à la réunion.</p>\n".repeat(50);

  MimeMessage multipart(Session s) throws Exception {
    MimeMessage m = new MimeMessage(s);
    m.setFrom(new InternetAddress("a@b.org"));
    m.setRecipients(Message.RecipientType.TO, "x@y.org, z@y.org");
    m.setSubject("Invitation à la réunion", "UTF-8");
    MimeMultipart alt = new MimeMultipart("alternative");
    MimeBodyPart t = new MimeBodyPart();
    t.setText(TEXT, "UTF-8");
    MimeBodyPart h = new MimeBodyPart();
    h.setContent(HTML, "text/html; charset=UTF-8");
    alt.addBodyPart(t);
    alt.addBodyPart(h);
    m.setContent(alt);
    m.saveChanges();
    return m;
  }

  double run(Session session, Make make) throws Exception {
    try (Transport tr = session.getTransport("smtp")) {
      tr.connect();
      long t = System.nanoTime();
      for (int i = 0; i < 1000; i++) { MimeMessage m = make.make(); tr.sendMessage(m, m.getAllRecipients()); }
      return 1000 * 1e9 / (System.nanoTime() - t);
    }
  }

  static class NoDelay extends javax.net.SocketFactory {
      public java.net.Socket createSocket() throws java.io.IOException { java.net.Socket s = new java.net.Socket(); s.setTcpNoDelay(true); return s; }
      public java.net.Socket createSocket(String h, int port) throws java.io.IOException { throw new UnsupportedOperationException(); }
      public java.net.Socket createSocket(String h, int port, java.net.InetAddress a, int lp) throws java.io.IOException { throw new UnsupportedOperationException(); }
      public java.net.Socket createSocket(java.net.InetAddress h, int port) throws java.io.IOException { throw new UnsupportedOperationException(); }
      public java.net.Socket createSocket(java.net.InetAddress h, int port, java.net.InetAddress a, int lp) throws java.io.IOException { throw new UnsupportedOperationException(); }
  }
}
