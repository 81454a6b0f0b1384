package org.ipu.outreach.mail;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.ReplyWait;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * No letter is lost and none is sent twice: the outbox row is written in the step's transaction, and
 * delivery is retried, then raises an incident. Messages are counted on the SMTP server itself.
 */
class MailDeliveryTest extends OutreachTestBase {

  static final String PRESIDENT = TestData.UN.presidentEmail();

  @MockitoSpyBean ReplyWait replyWait;
  @Autowired JavaMailSenderImpl smtp;
  @Autowired MailOutbox outbox;

  private int workingPort;

  @AfterEach
  void smtpBackUp() {
    if (workingPort != 0) {
      smtp.setPort(workingPort);
    }
  }

  @Test
  void aRetriedJobNeverSendsTheSameLetterTwice() throws Exception {
    ProcessInstance un = invitation(launchCampaign("PERMANENT_OBSERVER"), "UN");
    // the step after "Send invitation letter" fails once, in the same transaction
    doThrow(new IllegalStateException("database hiccup")).doCallRealMethod().when(replyWait).plan(any());

    Assertions.assertThatThrownBy(() -> management.executeJob(jobAt(un, Elements.SEND_INVITATION).getId()))
        .hasMessageContaining("database hiccup");
    Assertions.assertThat(outbox.forBusinessKey(un.getBusinessKey())).isEmpty();
    Job retried = jobAt(un, Elements.SEND_INVITATION);
    Assertions.assertThat(retried.getRetries()).isEqualTo(2);

    management.executeJob(retried.getId());
    assertThat(un).isWaitingAt(Elements.WAIT_FOR_REPLY);
    deliverMail();
    deliverMail();

    Assertions.assertThat(mailTo(PRESIDENT)).hasSize(1);
  }

  @Test
  void runningTheInvitationStepAgainDoesNotWriteToThePresidentAgain() {
    ProcessInstance un = invitation(launchCampaign("PERMANENT_OBSERVER"), "UN");
    runJob(un, Elements.SEND_INVITATION);
    deliverMail();

    // an operator restarts the step in Cockpit
    runtime.createProcessInstanceModification(un.getId()).startBeforeActivity(Elements.SEND_INVITATION).execute();
    management.createJobQuery().processInstanceId(un.getId()).activityId(Elements.SEND_INVITATION).list()
        .forEach(j -> management.executeJob(j.getId()));
    deliverMail();

    Assertions.assertThat(mailTo(PRESIDENT)).hasSize(1);
  }

  @Test
  void eachMessageCarriesAMessageIdDerivedFromItsOutboxRow() throws Exception {
    ProcessInstance un = invitation(launchCampaign("PERMANENT_OBSERVER"), "UN");
    runJob(un, Elements.SEND_INVITATION);
    deliverMail();

    OutboxMail row = outbox.forBusinessKey(un.getBusinessKey()).get(0);
    MimeMessage received = mailTo(PRESIDENT).get(0);
    Assertions.assertThat(received.getMessageID()).isEqualTo("<outbox-" + row.id() + "@ipu.example.org>");
    Assertions.assertThat(row.messageId()).isEqualTo(received.getMessageID());
    Assertions.assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void anSmtpOutageDelaysTheLetterWhichIsDeliveredOnceWhenTheServerIsBack() {
    ProcessInstance un = invitation(launchCampaign("PERMANENT_OBSERVER"), "UN");
    runJob(un, Elements.SEND_INVITATION);
    smtpDown();

    Assertions.assertThat(deliverMail()).isZero();
    OutboxMail waiting = outbox.forBusinessKey(un.getBusinessKey()).get(0);
    Assertions.assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
    Assertions.assertThat(waiting.attempts()).isEqualTo(1);
    Assertions.assertThat(waiting.lastError()).contains("Connect");

    smtpUp();
    Assertions.assertThat(deliverMail()).as("not due before the back-off has passed").isZero();
    moveClockTo(Date.from(TestData.T0.plus(Duration.ofMinutes(1))));
    Assertions.assertThat(deliverMail()).isEqualTo(1);
    Assertions.assertThat(deliverMail()).isZero();
    Assertions.assertThat(mailTo(PRESIDENT)).hasSize(1);
  }

  @Test
  void aLetterThatCannotBeDeliveredBecomesAnIncidentAndCanBeSentAgain() {
    ProcessInstance un = invitation(launchCampaign("PERMANENT_OBSERVER"), "UN");
    runJob(un, Elements.SEND_INVITATION);
    smtpDown();

    deliverMail();
    moveClockTo(Date.from(TestData.T0.plus(Duration.ofMinutes(1))));
    deliverMail();
    moveClockTo(Date.from(TestData.T0.plus(Duration.ofMinutes(3))));
    deliverMail();

    OutboxMail failed = outbox.forBusinessKey(un.getBusinessKey()).get(0);
    Assertions.assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
    Assertions.assertThat(failed.attempts()).isEqualTo(3);
    List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(un.getId()).list();
    Assertions.assertThat(incidents).singleElement().satisfies(i -> {
      Assertions.assertThat(i.getIncidentType()).isEqualTo(MailIncidents.INCIDENT_TYPE);
      Assertions.assertThat(i.getIncidentMessage()).contains("INVITATION").contains(un.getBusinessKey())
          .contains("/app/mails/" + failed.id()).doesNotContain(PRESIDENT);
    });
    Assertions.assertThat(mailTo(PRESIDENT)).isEmpty();

    smtpUp();
    Assertions.assertThat(outbox.resend(failed.id(), TestData.T0.plus(Duration.ofMinutes(3)))).isTrue();
    Assertions.assertThat(deliverMail()).isEqualTo(1);
    Assertions.assertThat(mailTo(PRESIDENT)).hasSize(1);
  }

  private void smtpDown() {
    workingPort = smtp.getPort();
    smtp.setPort(1); // nothing listens there
  }

  private void smtpUp() {
    smtp.setPort(workingPort);
  }
}
