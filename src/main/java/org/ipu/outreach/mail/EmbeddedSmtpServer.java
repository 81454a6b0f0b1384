package org.ipu.outreach.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The local mail catcher of the default run: an SMTP server inside the application that accepts every
 * letter and delivers it nowhere. What was sent is listed on /app/mails.
 */
@Component
@ConditionalOnProperty(name = "outreach.mail.embedded-smtp", havingValue = "true")
public class EmbeddedSmtpServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

  private final GreenMail greenMail;
  private boolean running;

  public EmbeddedSmtpServer(OutreachMailProperties properties) {
    this.greenMail = new GreenMail(new ServerSetup(properties.embeddedSmtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  @Override
  public void start() {
    greenMail.start();
    running = true;
    log.info("Local mail catcher listening on SMTP port {}", greenMail.getSmtp().getPort());
  }

  @Override
  public void stop() {
    greenMail.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts before the web server and the outbox sender need it. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 100;
  }
}
