package org.ipu.outreach.campaign;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.ipu.outreach.support.ModelTestEngine.ESCALATION_AFTER;
import static org.ipu.outreach.support.ModelTestEngine.STAFF_GROUP;
import static org.ipu.outreach.support.ModelTestEngine.T0;
import static org.ipu.outreach.support.ModelTestEngine.fire;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.CampaignProcess.Elements;
import org.ipu.outreach.campaign.CampaignProcess.Messages;
import org.ipu.outreach.campaign.CampaignProcess.Vars;
import org.ipu.outreach.support.ModelTestEngine;
import org.ipu.outreach.task.EscalateOverdueTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.stubbing.Answer;

/**
 * The campaign process on its own: no Spring, every bean the BPMN names a mock (see {@link ModelTestEngine}).
 * What is tested is the model: where it waits, which step it calls, which end it reaches.
 */
@Deployment(resources = {"bpm/campaign.bpmn", "bpm/campaign-start.form", "bpm/review-campaign.form"})
class CampaignModelTest {

  @RegisterExtension static ProcessEngineExtension extension = ModelTestEngine.extension();

  static final String CAMPAIGN_ID = "IPU-TEST-1";

  final PrepareCampaignDelegate prepareCampaign = mock(PrepareCampaignDelegate.class);
  final ReviewCampaignForm reviewCampaignForm = mock(ReviewCampaignForm.class);
  final CampaignSteps campaignSteps = mock(CampaignSteps.class);
  final EscalateOverdueTask escalateOverdueTask = mock(EscalateOverdueTask.class);

  @BeforeEach
  void setUp() throws Exception {
    ModelTestEngine.setUp();
    // as the real step: the campaign id becomes the business key, the review reads the figures
    doAnswer(invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      execution.setProcessBusinessKey(CAMPAIGN_ID);
      execution.setVariable(Vars.CAMPAIGN_ID, CAMPAIGN_ID);
      execution.setVariable(Vars.INVITEE_COUNT, 5);
      return null;
    }).when(prepareCampaign).execute(any());
    Mocks.register("prepareCampaign", prepareCampaign);
    Mocks.register("reviewCampaignForm", reviewCampaignForm);
    Mocks.register("campaignSteps", campaignSteps);
    Mocks.register("escalateOverdueTask", escalateOverdueTask);
  }

  @AfterEach
  void tearDown() {
    ModelTestEngine.tearDown();
  }

  @Test
  void theRequestIsPreparedThenReviewedByStaff() throws Exception {
    ProcessInstance campaign = start();

    assertThat(campaign).hasPassed(Elements.START, Elements.PREPARE).isWaitingAtExactly(Elements.REVIEW);
    verify(prepareCampaign).execute(any());
    Assertions.assertThat(campaign.getBusinessKey()).isEqualTo(CAMPAIGN_ID);
    Task review = task(campaign);
    Date due = Date.from(T0.plus(ESCALATION_AFTER));
    assertThat(review).hasCandidateGroup(STAFF_GROUP).hasDueDate(due);
    Assertions.assertThat(review.getDescription()).startsWith("Check the number of invitees");
    assertThat(job(Elements.REVIEW, campaign)).hasDueDate(due);
  }

  @Test
  void anApprovedCampaignStartsBatchesUntilAllAreStartedThenWaitsForEveryInvitationToEnd() {
    ProcessInstance campaign = start();
    doAnswer(allStarted(false)).doAnswer(allStarted(false)).doAnswer(allStarted(true))
        .when(campaignSteps).launchBatch(any());

    complete(task(campaign), withVariables(Vars.REVIEW_DECISION, "approve"));

    verify(reviewCampaignForm).notify(any());
    assertThat(campaign).isWaitingAtExactly(Elements.CHECK_MEETING);
    execute(job(Elements.CHECK_MEETING, campaign));
    verify(campaignSteps).checkMeeting(any());
    for (int batch = 1; batch <= 3; batch++) {
      // each batch is a job of its own: its own transaction, retried on its own
      assertThat(campaign).as("batch " + batch).isWaitingAtExactly(Elements.START_BATCH);
      execute(job(Elements.START_BATCH, campaign));
    }
    verify(campaignSteps, times(3)).launchBatch(any());
    assertThat(campaign).hasPassed(Elements.APPROVED, Elements.ALL_STARTED).isWaitingAtExactly(Elements.WAIT_FOR_INVITATIONS);
    verify(campaignSteps, never()).close(any());

    // the last invitation to end sends the message, addressed by the campaign id
    runtimeService().createMessageCorrelation(Messages.ALL_INVITATIONS_ENDED).processInstanceBusinessKey(CAMPAIGN_ID).correlate();

    assertThat(campaign).isEnded().hasPassed(Elements.CLOSE, Elements.COMPLETED).hasNotPassed(Elements.CANCEL);
    verify(campaignSteps).close(any());
    verify(campaignSteps, never()).cancel(any());
  }

  @Test
  void aCancelledCampaignStartsNoInvitation() {
    ProcessInstance campaign = start();

    complete(task(campaign), withVariables(Vars.REVIEW_DECISION, "cancel"));

    assertThat(campaign).isEnded().hasPassed(Elements.CANCEL, Elements.CANCELLED).hasNotPassed(Elements.START_BATCH);
    verify(campaignSteps).cancel(any());
    verify(campaignSteps, never()).launchBatch(any());
  }

  @Test
  void aReviewLeftOpenIsEscalatedAndStaysOpen() {
    ProcessInstance campaign = start();
    String reviewId = task(campaign).getId();

    fire(job(Elements.REVIEW, campaign));

    verify(escalateOverdueTask).notify(any());
    assertThat(campaign).isWaitingAtExactly(Elements.REVIEW);
    Assertions.assertThat(task(campaign).getId()).isEqualTo(reviewId);
  }

  @Test
  void aReviewTheFormCheckRefusesLeavesTheTaskOpen() {
    ProcessInstance campaign = start();
    Task review = task(campaign);
    doThrow(new InvalidInputException("Choose whether to approve or cancel the campaign (got 'maybe')."))
        .when(reviewCampaignForm).notify(any());

    // the engine wraps a listener's exception; the message still names the problem
    Assertions.assertThatThrownBy(() -> complete(review, withVariables(Vars.REVIEW_DECISION, "maybe")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Choose whether to approve or cancel the campaign (got 'maybe').");

    assertThat(campaign).isWaitingAtExactly(Elements.REVIEW);
    verify(campaignSteps, never()).launchBatch(any());
    verify(campaignSteps, never()).cancel(any());
  }

  /**
   * The start form is checked in "Prepare the invitee list", in the transaction that starts the instance:
   * a refusal reaches the caller (Tasklist) as the step's own exception and leaves no instance behind.
   */
  @Test
  void aRequestThePreparationRefusesStartsNoCampaign() throws Exception {
    doThrow(new InvalidInputException("There is no event with the code 'NOPE'."))
        .when(prepareCampaign).execute(any());

    Assertions.assertThatThrownBy(this::start)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("There is no event with the code 'NOPE'.");

    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY).count())
        .isZero();
  }

  @Test
  void aBatchThatFailsIsRetriedOnTheConfiguredCycle() {
    ProcessInstance campaign = start();
    doThrow(new IllegalStateException("database unavailable")).doAnswer(allStarted(true))
        .when(campaignSteps).launchBatch(any());
    complete(task(campaign), withVariables(Vars.REVIEW_DECISION, "approve"));
    execute(job(Elements.CHECK_MEETING, campaign));

    Assertions.assertThatThrownBy(() -> execute(job(Elements.START_BATCH, campaign)))
        .hasMessageContaining("database unavailable");

    // jobRetries.cycle is R3/PT1M: three tries a minute apart, so two left, the next a minute from now
    assertThat(job(Elements.START_BATCH, campaign))
        .hasRetries(2)
        .hasDueDate(Date.from(T0.plus(Duration.ofMinutes(1))));
    execute(job(Elements.START_BATCH, campaign));
    assertThat(campaign).isWaitingAtExactly(Elements.WAIT_FOR_INVITATIONS);
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(
        CampaignProcess.KEY, withVariables(Vars.EVENT_CODE, "IPU-TEST", Vars.INVITEE_SCOPE, "all"));
  }

  private static Answer<Void> allStarted(boolean all) {
    return invocation -> {
      ((DelegateExecution) invocation.getArgument(0)).setVariable(Vars.ALL_INVITATIONS_STARTED, all);
      return null;
    };
  }
}
