package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.assertj.core.api.Assertions;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.meeting.simulator.SimulatedMeetingPlatform;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.ipu.outreach.support.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * What the process scenarios share: the invitee fixtures, the spied meeting simulator, the preamble
 * ({@link #inviteUn}) and helpers. The scenarios run on H2; with {@code -Doutreach.test.database=postgres}
 * (the build's second Surefire execution) the same classes run on a real PostgreSQL server.
 */
abstract class InvitationScenarioBase extends OutreachTestBase {

  static final String UN_PRESIDENT = TestData.UN.presidentEmail();
  static final String UN_SECRETARY = TestData.UN.secretaryEmail();
  static final String ALICE = "alice@un.parliament.example";
  static final String BOB = "bob@un.parliament.example";

  @Autowired HistoryService history;
  @Autowired CampaignRepository campaigns;
  /** The simulator as the platform; single tests make it fail the ways Zoom can. */
  @MockitoSpyBean SimulatedMeetingPlatform simulator;
  @Autowired InvitationTimings timings;

  /** The campaign and the UN's invitation of the scenario, once {@link #inviteUn} has run. */
  protected ProcessInstance campaign;
  protected ProcessInstance un;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    if ("postgres".equals(System.getProperty("outreach.test.database"))) {
      registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("outreach_workflow"));
      registry.add("spring.datasource.username", () -> "postgres");
      registry.add("spring.datasource.password", () -> "postgres");
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  /** The preamble of most scenarios: a campaign to the Permanent Observers, the UN's invitation sent. */
  protected ProcessInstance inviteUn() {
    campaign = launchCampaign("PERMANENT_OBSERVER");
    un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    return un;
  }

  protected ProcessInstance atFollowUp() {
    inviteUn();
    moveClockTo(Date.from(TestData.REPLY_DEADLINE));
    runJob(un, Elements.REPLY_DEADLINE_REACHED);
    assertThat(un).isWaitingAt(Elements.FOLLOW_UP);
    return un;
  }

  /** The invitation asks for the registration, and a registration round carries it out. */
  protected void registerRepresentatives(ProcessInstance pi) {
    runJob(pi, Elements.REGISTER_REPRESENTATIVES);
    assertThat(pi).isWaitingAt(Elements.WAIT_FOR_REGISTRATION);
    registrations.registerDue();
  }

  protected ProcessInstance confirmed(String email) {
    inviteUn();
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", email)));
    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    return un;
  }

  protected ProcessInstance confirmedAndRegistered(String email) {
    inviteUn();
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", email)));
    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    registerRepresentatives(un);
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    return un;
  }

  protected List<Task> confirmTasks(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.CONFIRM_REPRESENTATIVE).list();
  }

  protected long invitationsOf(ProcessInstance campaign) {
    return runtime.createProcessInstanceQuery()
        .processDefinitionKey(InvitationProcess.KEY)
        .processInstanceBusinessKeyLike(campaignId(campaign) + ":%")
        .count();
  }

  protected String outcome(ProcessInstance pi) {
    return (String) history.createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(Vars.OUTCOME).singleResult().getValue();
  }

  static String plainText(MimeMessage message) throws Exception {
    return findPart(message.getContent(), "text/plain");
  }

  static String findPart(Object content, String type) throws Exception {
    if (content instanceof MimeMultipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        var part = mp.getBodyPart(i);
        if (part.isMimeType(type)) {
          return (String) part.getContent();
        }
        String inner = findPart(part.getContent(), type);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  static List<String> attachmentNames(MimeMessage message) throws Exception {
    MimeMultipart mixed = (MimeMultipart) message.getContent();
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < mixed.getCount(); i++) {
      if (mixed.getBodyPart(i).getFileName() != null) {
        names.add(mixed.getBodyPart(i).getFileName());
      }
    }
    return names;
  }

  // ---- letters and calendar files ------------------------------------------------------------------

  static List<MimeMessage> subjects(List<MimeMessage> mails, String prefix) throws Exception {
    List<MimeMessage> found = new java.util.ArrayList<>();
    for (MimeMessage m : mails) {
      if (m.getSubject().startsWith(prefix)) {
        found.add(m);
      }
    }
    return found;
  }

  static MimeMessage onlyAttachment(List<MimeMessage> mails, String subjectPrefix) throws Exception {
    List<MimeMessage> found = subjects(mails, subjectPrefix);
    Assertions.assertThat(found).as("letters '%s...'", subjectPrefix).hasSize(1);
    return found.get(0);
  }

  static Calendar parse(MimeMessage message) throws Exception {
    MimeMultipart mixed = (MimeMultipart) message.getContent();
    for (int i = 0; i < mixed.getCount(); i++) {
      Part part = mixed.getBodyPart(i);
      if ("invitation.ics".equals(part.getFileName())) {
        return new CalendarBuilder().build(new StringReader(new String(part.getInputStream().readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8)));
      }
    }
    throw new AssertionError("no invitation.ics in " + message.getSubject());
  }

  static String icsProperty(MimeMessage message, String property) throws Exception {
    return value(parse(message).<VEvent>getComponent(Component.VEVENT).orElseThrow(), property);
  }

  static String value(Component component, String property) {
    return component.getProperty(property).map(p -> ((Property) p).getValue()).orElseThrow();
  }
}
