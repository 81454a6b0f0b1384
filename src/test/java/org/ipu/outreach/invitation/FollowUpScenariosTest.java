package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.NomineeFields;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.Test;

/** No reply by the deadline: the follow-up task and what it finds. Timers are checked by their due date first, then executed. */
class FollowUpScenariosTest extends InvitationScenarioBase {

  // ---- no reply: follow-up -------------------------------------------------------------------------

  @Test
  void noReplyByTheDeadlineOpensAFollowUpTaskThatIsEscalatedWhenLeftOpen() {
    ProcessInstance un = atFollowUp();
    Task followUp = task(un);
    Date due = Date.from(TestData.REPLY_DEADLINE.plus(Duration.ofDays(2))); // Monday night + 2 working days
    Assertions.assertThat(followUp.getDueDate()).isEqualTo(due);
    Job escalation = job(Elements.FOLLOW_UP, un);
    assertThat(escalation).hasDueDate(due);

    runJob(un, Elements.FOLLOW_UP);

    Task escalated = task(un);
    Assertions.assertThat(escalated.getId()).isEqualTo(followUp.getId());
    Assertions.assertThat(escalated.getName()).isEqualTo("Follow up with the parliament: United Nations (escalated)");
    Assertions.assertThat(escalated.getDescription()).startsWith("Campaign " + campaignId(campaign) + ". ");
    Assertions.assertThat(escalated.getPriority()).isEqualTo(100);
    Assertions.assertThat(tasks.getIdentityLinksForTask(escalated.getId()))
        .anyMatch(l -> "managers".equals(l.getGroupId()))
        .anyMatch(l -> "secretariat".equals(l.getGroupId()));
  }

  @Test
  void followUpFindsANomination() {
    ProcessInstance un = atFollowUp();
    tasks.complete(
        task(un).getId(),
        Map.of(
            Vars.FOLLOW_UP_OUTCOME, "nominated",
            NomineeFields.NAME, "Carol Phone",
            NomineeFields.FUNCTION, "Deputy Speaker",
            NomineeFields.ROLE, "MP",
            NomineeFields.EMAIL, "carol@un.parliament.example",
            NomineeFields.LANGUAGE, "fr"));

    assertThat(un).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    Assertions.assertThat(tasks.getVariableLocal(task(un).getId(), NomineeFields.NAME)).isEqualTo("Carol Phone");
    Assertions.assertThat(tasks.getVariableLocal(task(un).getId(), NomineeFields.LANGUAGE)).isEqualTo("fr");
  }

  @Test
  void followUpWithAnIncompleteNomineeIsRefusedAndChangesNothing() {
    ProcessInstance un = atFollowUp();
    String taskId = task(un).getId();

    Assertions.assertThatThrownBy(
            () -> tasks.complete(taskId, Map.of(Vars.FOLLOW_UP_OUTCOME, "nominated", NomineeFields.NAME, "Carol Phone",
                NomineeFields.EMAIL, "not-an-address")))
        .hasMessageContaining("Nominee function is missing")
        .hasMessageContaining("'not-an-address' is not a valid e-mail address");
    assertThat(un).isWaitingAt(Elements.FOLLOW_UP);
  }

  @Test
  void followUpFindsADecline() {
    ProcessInstance un = atFollowUp();
    tasks.complete(task(un).getId(), Map.of(Vars.FOLLOW_UP_OUTCOME, "declined"));
    assertThat(un).isEnded().hasPassed(Elements.DECLINED_AFTER_FOLLOW_UP);
    Assertions.assertThat(outcome(un)).isEqualTo("DECLINED");
  }

  @Test
  void followUpFindsNoAnswer() {
    ProcessInstance un = atFollowUp();
    tasks.complete(task(un).getId(), Map.of(Vars.FOLLOW_UP_OUTCOME, "noAnswer"));
    assertThat(un).isEnded().hasPassed(Elements.NO_REPLY);
    Assertions.assertThat(outcome(un)).isEqualTo("NO_REPLY");
  }

  @Test
  void aLateReplyWhileTheFollowUpIsOpenReplacesTheFollowUp() {
    ProcessInstance un = atFollowUp();
    nominate(un.getBusinessKey().split(":")[0], "UN", List.of(nominee("Alice Example", ALICE)));
    assertThat(un).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(un.getId()).taskDefinitionKey(Elements.FOLLOW_UP).count())
        .isZero();
  }

  @Test
  void noAnswerAfterAnEarlierConfirmationStillRegistersTheConfirmedRepresentative() {
    inviteUn();
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE), nominee("Bob Example", BOB)));
    List<Task> both = confirmTasks(un);
    tasks.complete(both.get(0).getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    tasks.complete(both.get(1).getId(), Map.of(Vars.CONFIRM_DECISION, "another"));
    runJob(un, Elements.REQUEST_ANOTHER_NOMINEE);
    runJob(un, Elements.REPLY_DEADLINE_REACHED);

    tasks.complete(task(un).getId(), Map.of(Vars.FOLLOW_UP_OUTCOME, "noAnswer"));

    assertThat(un).isWaitingAt(Elements.REGISTER_REPRESENTATIVES);
  }
}
