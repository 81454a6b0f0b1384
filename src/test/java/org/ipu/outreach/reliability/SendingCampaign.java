package org.ipu.outreach.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.ipu.outreach.support.AppJvm;
import org.ipu.outreach.support.CampaignOverRest;
import org.ipu.outreach.support.RestartableSmtp;
import org.ipu.outreach.support.TestPostgres;

/**
 * What the separate-JVM reliability tests share: the application in its own JVM on PostgreSQL with a
 * real SMTP server that can be stopped, and a campaign of {@code n} invitees caught in the middle of
 * sending its invitations (a quarter delivered), slow enough (20 letters a second) to be interrupted.
 */
final class SendingCampaign implements AutoCloseable {

  final String name;
  final String domain;
  final int n;
  final String jdbc;
  final RestartableSmtp smtp;
  AppJvm app;
  /** When the campaign was approved and its letters began to go out. */
  Instant launched;

  private SendingCampaign(String name, String domain, int n) throws Exception {
    this.name = name;
    this.domain = domain;
    this.n = n;
    this.jdbc = TestPostgres.jdbcUrl(name);
    this.smtp = new RestartableSmtp().start();
  }

  /** Starts everything and returns once a quarter of the invitations has been delivered. */
  static SendingCampaign quarterSent(String name, String codePrefix, String domain, int n) throws Exception {
    SendingCampaign run = new SendingCampaign(name, domain, n);
    try {
      run.app = run.newApp().start().awaitStarted(Duration.ofMinutes(3));
      String eventCode = name.toUpperCase() + "-TEST";
      CampaignOverRest.importDirectory(run.app, codePrefix, domain, n);
      CampaignOverRest.createEvent(run.app, eventCode, Instant.now().plus(Duration.ofDays(1)));
      run.launched = Instant.now();
      CampaignOverRest.startAndApprove(run.app, eventCode);
      CampaignOverRest.await(Duration.ofMinutes(5), "a quarter of the invitations delivered",
          () -> run.smtp.received().size() >= n / 4);
      return run;
    } catch (Exception | Error e) {
      run.close();
      throw e;
    }
  }

  /** A new application JVM on the same database and SMTP server (after a kill). */
  AppJvm restart() throws Exception {
    app = newApp().start().awaitStarted(Duration.ofMinutes(3));
    return app;
  }

  private AppJvm newApp() {
    Map<String, String> env = AppJvm.prodEnvironment(jdbc, smtp.port());
    env.put("MAIL_MAX_PER_MINUTE", "1200");
    return new AppJvm(name, env, ReliabilityArgs.fastRecovery());
  }

  @Override
  public void close() throws Exception {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      smtp.close();
    }
  }
}
