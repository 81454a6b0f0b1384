package org.ipu.outreach.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.support.Browser;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda Tasklist in a real (headless) Chromium, logged in as staff: the Camunda Forms of the invitation
 * show the nominee's details and move the process on. Skipped, with the reason, where Chromium is not
 * installed. The job executor is off: the test runs the jobs itself.
 */
class TasklistBrowserTest extends OutreachTestBase {

  private static final String TASKLIST = "/camunda/app/tasklist/default/";
  private static Browser browser;

  @LocalServerPort int port;
  @Autowired TestUsers users;

  @BeforeEach
  void loggedIn() throws IOException {
    Browser.assumeInstalled();
    users.ensureStaffAndManager();
    administratorExists();
    if (browser == null) {
      browser = Browser.open("http://localhost:" + port, 1400, 1000);
      browser.go(TASKLIST);
      awaitWithOneReload("input[ng-model=\"username\"]");
      browser.type("input[ng-model=\"username\"]", TestUsers.STAFF);
      browser.type("input[ng-model=\"password\"]", TestUsers.STAFF);
      browser.click("button[type=\"submit\"]");
      awaitTaskList();
    }
  }

  @AfterAll
  static void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void staffConfirmARepresentativeInTheCamundaFormAndTheProcessMovesOn() throws IOException {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", "alice@un.parliament.example")));
    Task confirm = tasks.createTaskQuery().processInstanceId(un.getId()).singleResult();
    assertThat(confirm.getName()).isEqualTo("Confirm representative: United Nations");

    WebElement form = openTask(confirm.getId());
    assertThat(value("Field_NomineeName")).isEqualTo("Alice Example");
    assertThat(value("Field_NomineeEmail")).isEqualTo("alice@un.parliament.example");
    assertThat(form.getText()).contains("Confirm representative");
    browser.click("label[for$=\"Field_ConfirmDecision-0\"]");
    browser.screenshot("tasklist-confirm-representative");
    browser.click(".form-actions button[ng-click=\"complete()\"]");

    wait(30).until(d -> tasks.createTaskQuery().taskId(confirm.getId()).count() == 0);
    assertThat(un).hasPassed(Elements.CONFIRM_REPRESENTATIVE).isWaitingAt(Elements.REGISTER_REPRESENTATIVES);
    assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .extracting(r -> r.status())
        .containsExactly(RepresentativeStatus.CONFIRMED);
  }

  @Test
  void theFollowUpFormLinksToTheReplyFormOfThatParliament() throws IOException {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    moveClockTo(Date.from(TestData.REPLY_DEADLINE));
    runJob(un, Elements.REPLY_DEADLINE_REACHED);
    Task followUp = tasks.createTaskQuery().processInstanceId(un.getId()).singleResult();

    openTask(followUp.getId());
    WebElement link = browser.find("[cam-tasklist-form-camunda] a[href*=\"/app/replies/\"]");
    assertThat(link.getAttribute("href"))
        .endsWith("/app/replies/" + campaignId(campaign) + "/UN");
    assertThat(link.getText()).isEqualTo("reply form for this parliament");
    browser.screenshot("tasklist-follow-up-reply-link");
  }

  @Test
  void staffRecogniseAnUnmatchedAttendeeInTheReviewForm() throws IOException {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = confirmedAlice(campaign);
    registrations.registerDue();
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    runJob(un, Elements.EVENT_OVER);
    // the uploaded participants report names someone the matching cannot place; Alice is not in it
    jdbc.update("insert into attendance_upload_session (campaign_id, line_no, email, name, seconds) values (?, 2, ?, ?, 3600)",
        campaignId(campaign), "a.example@gmail.example", "A. Example (UN)");
    runJob(un, Elements.COLLECT_ATTENDANCE);
    Task review = tasks.createTaskQuery().processInstanceId(un.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(Elements.REVIEW_UNMATCHED_ATTENDEES);

    WebElement form = openTask(review.getId());
    assertThat(browser.find("[cam-tasklist-form-camunda] textarea[id$=\"Field_UnmatchedAttendees\"]").getAttribute("value"))
        .contains("A. Example (UN)");
    assertThat(form.getText()).contains("Alice Example <alice@un.parliament.example>");
    browser.click("[cam-tasklist-form-camunda] label[for$=\"Field_AttendedRepresentatives-0\"]");
    browser.screenshot("tasklist-review-unmatched-attendees");
    browser.click(".form-actions button[ng-click=\"complete()\"]");

    wait(30).until(d -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
    assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .extracting(r -> r.attended())
        .containsExactly(true);
  }

  @Test
  void theMeetingSettingsAndChangedReplyFormsRenderWithTheirFacts() throws IOException {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = confirmedAlice(campaign);
    // what the registration round does when the platform refuses because of the meeting's settings
    runtime.createMessageCorrelation(org.ipu.outreach.invitation.InvitationProcess.Messages.MEETING_SETTINGS_WRONG)
        .processInstanceId(un.getId())
        .setVariable(org.ipu.outreach.invitation.InvitationProcess.Vars.MEETING_PROBLEM,
            "The Zoom meeting is full: raise its capacity.")
        .correlate();
    Task fix = tasks.createTaskQuery().processInstanceId(un.getId()).taskDefinitionKey(Elements.FIX_MEETING_SETTINGS)
        .singleResult();

    WebElement fixForm = openTask(fix.getId());
    assertThat(fixForm.getText()).contains("Fix the meeting settings");
    assertThat(browser.find("[cam-tasklist-form-camunda] textarea[id$=\"Field_MeetingProblem\"]").getAttribute("value"))
        .isEqualTo("The Zoom meeting is full: raise its capacity.");
    browser.screenshot("tasklist-fix-meeting-settings");
    browser.click(".form-actions button[ng-click=\"complete()\"]");
    wait(30).until(d -> tasks.createTaskQuery().taskId(fix.getId()).count() == 0);
    runJob(un, Elements.REGISTER_REPRESENTATIVES);
    registrations.registerDue();
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);

    // the parliament changes its reply once its representative is registered
    runtime.createMessageCorrelation(org.ipu.outreach.invitation.InvitationProcess.Messages.REPLY_CHANGED_AFTER_REGISTRATION)
        .processInstanceId(un.getId())
        .setVariable(org.ipu.outreach.invitation.InvitationProcess.Vars.CHANGED_REPLY, "Nominated: Grace Example (MP)")
        .correlate();
    Task changed = tasks.createTaskQuery().processInstanceId(un.getId())
        .taskDefinitionKey(Elements.REVIEW_CHANGED_REPLY).singleResult();
    WebElement changedForm = openTask(changed.getId());
    assertThat(changedForm.getText()).contains("Review the changed reply");
    assertThat(value("Field_ParliamentName")).isEqualTo("United Nations");
    assertThat(browser.find("[cam-tasklist-form-camunda] textarea[id$=\"Field_ChangedReply\"]").getAttribute("value"))
        .contains("Grace Example");
    browser.screenshot("tasklist-review-changed-reply");
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** UN nominated Alice, staff confirmed her (without the browser): the invitation asks for registration. */
  private ProcessInstance confirmedAlice(ProcessInstance campaign) {
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", "alice@un.parliament.example")));
    tasks.complete(tasks.createTaskQuery().processInstanceId(un.getId()).singleResult().getId(),
        java.util.Map.of(org.ipu.outreach.invitation.InvitationProcess.Vars.CONFIRM_DECISION, "confirm"));
    runJob(un, Elements.REGISTER_REPRESENTATIVES);
    return un;
  }

  /** Without any administrator the webapps show their first-run setup page instead of the login. */
  private void administratorExists() {
    var identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      var group = identity.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Administrators");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId("admin").count() == 0) {
      var admin = identity.newUser("admin");
      admin.setPassword("admin-" + java.util.UUID.randomUUID());
      identity.saveUser(admin);
      identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
    }
  }

  /** Opens a task by id, waits for its Camunda Form and claims it; returns the form. */
  private WebElement openTask(String taskId) {
    browser.go(TASKLIST + "#/?task=" + taskId);
    awaitTaskList();
    WebElement form =
        wait(30).until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form")));
    if (browser.exists("button.claim")) {
      browser.click("button.claim");
      wait(15).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    }
    return form;
  }

  private void awaitTaskList() {
    awaitWithOneReload("[cam-tasks]");
  }

  /** Tasklist sometimes starts blank (a race in its own CSP nonce handling): one reload cures it. */
  private void awaitWithOneReload(String css) {
    try {
      wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    } catch (TimeoutException e) {
      try {
        browser.screenshot("tasklist-blank-before-reload");
      } catch (IOException ignored) {
        // only a diagnostic picture
      }
      browser.driver().navigate().refresh();
      wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }
  }

  /** The value of a form field, found by its component id (form-js ids end with it). */
  private String value(String componentId) {
    return browser.find("[cam-tasklist-form-camunda] input[id$=\"" + componentId + "\"]").getAttribute("value");
  }

  private static WebDriverWait wait(int seconds) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds));
  }
}
