package org.ipu.outreach.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.mail.LetterService;
import org.ipu.outreach.support.OutreachTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A line logged while an invitation's job runs, or while its reply page is served, names the invitation. */
class LogContextTest extends OutreachTestBase {

  static final Pattern LINK = Pattern.compile("/reply/([A-Za-z0-9_-]{43})");
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @Autowired TestRestTemplate http;
  @Autowired Environment environment;
  final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void capture() {
    log.start();
    letters().addAppender(log);
  }

  @AfterEach
  void stopCapturing() {
    letters().detachAppender(log);
  }

  private static Logger letters() {
    return (Logger) LoggerFactory.getLogger(LetterService.class);
  }

  @Test
  void aLineOfAnInvitationJobCarriesItsCampaignAndInviteeCodeAndThePatternPrintsThem() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");

    runJob(un, Elements.SEND_INVITATION);

    ILoggingEvent queued = line("Letter INVITATION queued");
    String key = invitationBusinessKey(campaign, "UN");
    assertThat(queued.getMDCPropertyMap()).containsEntry(LogContext.BUSINESS_KEY, key);
    assertThat(format(queued)).contains(" [" + key + "]").doesNotContain("@");
  }

  @Test
  void aLineLoggedWhileAReplyPageIsServedCarriesTheInvitation() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    log.list.clear();

    String token = token(un);
    String page = http.getForEntity("/reply/" + token, String.class).getBody();
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("csrf field").isTrue();
    ResponseEntity<String> sent = http.postForEntity("/reply/" + token, declineForm(csrf.group(1)), String.class);
    assertThat(sent.getStatusCode().is2xxSuccessful() || sent.getStatusCode().is3xxRedirection()).as(sent.getBody()).isTrue();

    ILoggingEvent confirmation = line("Letter REPLY_RECEIVED queued");
    assertThat(confirmation.getThreadName()).startsWith("http-");
    assertThat(confirmation.getMDCPropertyMap()).containsEntry(LogContext.BUSINESS_KEY, invitationBusinessKey(campaign, "UN"));
  }

  private ILoggingEvent line(String message) {
    List<ILoggingEvent> lines = List.copyOf(log.list);
    return lines.stream().filter(e -> e.getFormattedMessage().equals(message)).findFirst()
        .orElseThrow(() -> new AssertionError("no line '" + message + "' in " + lines.stream().map(ILoggingEvent::getFormattedMessage).toList()));
  }

  /** The event as the console shows it, with the level pattern of application.yaml. */
  private String format(ILoggingEvent event) {
    PatternLayout layout = new PatternLayout();
    layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    layout.setPattern(environment.getProperty("logging.pattern.level") + " %m");
    layout.start();
    return layout.doLayout(event);
  }

  private String token(ProcessInstance invitation) {
    String text = jdbc.queryForObject(
        "select body_text from mail_outbox where business_key = ? and kind = 'INVITATION'", String.class,
        invitation.getBusinessKey());
    Matcher m = LINK.matcher(text);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static HttpEntity<MultiValueMap<String, String>> declineForm(String csrf) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("csrf", csrf);
    form.add("answer", "decline");
    form.add("action", "send");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return new HttpEntity<>(form, headers);
  }
}
