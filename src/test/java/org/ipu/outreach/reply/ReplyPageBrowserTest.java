package org.ipu.outreach.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.NomineeFields;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.support.Browser;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reply page in a real (headless) Chromium: a parliament opens the link of its invitation letter,
 * nominates, declines or changes its nominees, and the invitation process follows. Skipped, with the
 * reason, where Chromium is not installed.
 */
class ReplyPageBrowserTest extends OutreachTestBase {

  private static final Pattern LINK = Pattern.compile("/reply/([A-Za-z0-9_-]{43})");
  private static Browser browser;

  @LocalServerPort int port;

  @BeforeEach
  void browser() throws IOException {
    Browser.assumeInstalled();
    if (browser == null) {
      browser = Browser.open("http://localhost:" + port, 1100, 1000);
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
  void nominatingTwoRepresentativesConfirmsAndMovesTheProcessToConfirmation() throws IOException {
    ProcessInstance campaign = launchCampaign("MEMBER");
    ProcessInstance ug = invited(campaign, "UG");

    browser.go(linkOf(campaign, "UG"));
    assertThat(browser.text("h1")).isEqualTo("Reply of the Parliament of Uganda");
    assertThat(browser.text("#event-title")).isEqualTo(event.title());
    assertThat(browser.text("#event-when")).isEqualTo("1 April 2026, 15:00–16:30 CEST");
    assertThat(browser.text("#event-local-when")).isEqualTo("1 April 2026, 16:00–17:30 UTC+03:00 (Africa/Kampala)");
    assertThat(browser.pageText())
        .contains("Zoom virtual meeting platform", "English, French, Spanish", event.audienceNote(), "17 March 2026");

    browser.click("#answer-nominate");
    fill(0, "Agnes Example", "Chair, Human Rights Committee", "MP", "Human rights", "agnes@ug.parliament.example", "en");
    browser.submit("#add-row");
    fill(1, "Moses <b>Example</b>", "Clerk", "STAFF", "", "moses@ug.parliament.example", "fr");
    browser.screenshot("reply-page-en");
    browser.submit("#send");

    assertThat(browser.text("#done-heading")).isEqualTo("Thank you, we have received your reply");
    assertThat(browser.text("#current-nominees"))
        .contains("Agnes Example (Chair, Human Rights Committee), agnes@ug.parliament.example")
        // typed HTML is shown as text
        .contains("Moses <b>Example</b> (Clerk)");
    browser.screenshot("reply-done-en");

    assertThat(ug).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    List<Task> confirmations = tasks.createTaskQuery().processInstanceId(ug.getId()).list();
    assertThat(confirmations)
        .extracting(t -> tasks.getVariableLocal(t.getId(), NomineeFields.NAME))
        .containsExactlyInAnyOrder("Agnes Example", "Moses <b>Example</b>");
    assertThat(jdbc.queryForObject(
            "select count(*) from mail_outbox where kind = 'REPLY_RECEIVED' and recipient_to = ?", Integer.class,
            TestData.UG.presidentEmail()))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject(
            "select body_html from mail_outbox where kind = 'REPLY_RECEIVED' and business_key = ?", String.class,
            ug.getBusinessKey()))
        .contains("Moses &lt;b&gt;Example&lt;/b&gt;");
  }

  @Test
  void changingANomineeDuringConfirmationReplacesTheConfirmationTasks() {
    ProcessInstance campaign = launchCampaign("MEMBER");
    ProcessInstance ug = invited(campaign, "UG");
    String link = linkOf(campaign, "UG");
    browser.go(link);
    browser.click("#answer-nominate");
    fill(0, "Agnes Example", "Chair", "MP", "", "agnes@ug.parliament.example", "en");
    browser.submit("#send");
    Task first = tasks.createTaskQuery().processInstanceId(ug.getId()).singleResult();

    browser.submit("#change-link");
    assertThat(browser.find("#n0-name").getAttribute("value")).isEqualTo("Agnes Example");
    assertThat(browser.text("#confirming-notice")).contains("the secretariat will review your new reply");
    browser.type("#n0-name", "Grace Example");
    browser.type("#n0-email", "grace@ug.parliament.example");
    browser.submit("#send");

    assertThat(browser.text("#current-nominees")).contains("Grace Example").doesNotContain("Agnes");
    assertThat(ug).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    assertThat(ug).hasPassed(Elements.NOMINATION_CHANGED);
    Task replaced = tasks.createTaskQuery().processInstanceId(ug.getId()).singleResult();
    assertThat(replaced.getId()).isNotEqualTo(first.getId());
    assertThat(tasks.getVariableLocal(replaced.getId(), NomineeFields.NAME)).isEqualTo("Grace Example");
    assertThat(representatives.findForInvitee(campaignId(campaign), "UG"))
        .extracting(Representative::fullName, Representative::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Agnes Example", RepresentativeStatus.WITHDRAWN),
            org.assertj.core.groups.Tuple.tuple("Grace Example", RepresentativeStatus.NOMINATED));
  }

  @Test
  void aChangeAfterRegistrationGoesToStaffAndLeavesTheRegistrations() {
    ProcessInstance campaign = launchCampaign("MEMBER");
    ProcessInstance ug = invited(campaign, "UG");
    String link = linkOf(campaign, "UG");
    browser.go(link);
    browser.click("#answer-nominate");
    fill(0, "Agnes Example", "Chair", "MP", "", "agnes@ug.parliament.example", "en");
    browser.submit("#send");
    tasks.complete(tasks.createTaskQuery().processInstanceId(ug.getId()).singleResult().getId(),
        java.util.Map.of(InvitationProcess.Vars.CONFIRM_DECISION, "confirm"));
    runJob(ug, Elements.REGISTER_REPRESENTATIVES);
    registrations.registerDue();
    runJob(ug, Elements.SEND_REGISTRATION_CONFIRMATIONS);

    browser.go(link);
    assertThat(browser.text("#registered-notice")).contains("the secretariat will review the change");
    assertThat(browser.text("#current-nominees")).contains("Agnes Example").contains("registered");
    browser.type("#n0-name", "Grace Example");
    browser.submit("#send");

    assertThat(browser.text("#done-substitutes")).contains("the secretariat will now confirm the new representatives");
    Task review = tasks.createTaskQuery().processInstanceId(ug.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(Elements.CONFIRM_SUBSTITUTES);
    assertThat((String) tasks.getVariable(review.getId(), InvitationProcess.Vars.CHANGED_REPLY)).contains("Grace Example");
    assertThat(representatives.findForInvitee(campaignId(campaign), "UG"))
        .extracting(Representative::fullName, Representative::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Agnes Example", RepresentativeStatus.REGISTERED),
            org.assertj.core.groups.Tuple.tuple("Grace Example", RepresentativeStatus.NOMINATED));
  }

  @Test
  void frenchPageShowsFrenchTextsAndErrorsAndDeclinesWithAReason() throws IOException {
    ProcessInstance campaign = launchCampaign("MEMBER");
    ProcessInstance bf = invited(campaign, "BF");

    browser.go(linkOf(campaign, "BF"));
    assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
    assertThat(browser.text("h1")).isEqualTo("Réponse : Assemblée législative de transition du Burkina Faso");
    assertThat(browser.text("#event-when")).isEqualTo("1er avril 2026, 15 h 00 – 16 h 30 CEST");
    assertThat(browser.pageText()).contains("Interprétation simultanée", "anglais, français, espagnol", "Envoyer la réponse");
    browser.screenshot("reply-page-fr");

    browser.click("#answer-nominate");
    fill(0, "Awa Exemple", "", "MP", "", "not-an-address", "fr");
    browser.submit("#send");
    assertThat(browser.text("#error-summary")).contains("Votre réponse n’a pas été envoyée.");
    assertThat(browser.text("#n0-function-error")).isEqualTo("Veuillez remplir ce champ.");
    assertThat(browser.text("#n0-email-error")).startsWith("Veuillez saisir une adresse électronique valide");
    assertThat(browser.find("#n0-email").getAttribute("aria-describedby")).isEqualTo("n0-email-error");
    assertThat(browser.find("#n0-name").getAttribute("value")).isEqualTo("Awa Exemple");
    browser.screenshot("reply-page-fr-errors");
    assertThat(representatives.findForInvitee(campaignId(campaign), "BF")).isEmpty();
    assertThat(bf).isWaitingAt(Elements.WAIT_FOR_REPLY);

    browser.click("#answer-decline");
    browser.type("#reason", "Session plénière le même jour");
    browser.submit("#send");
    assertThat(browser.text("#done-declined"))
        .isEqualTo("Nous avons pris note que Assemblée législative de transition du Burkina Faso n’est pas en mesure de participer.");
    assertThat(bf).isEnded().hasPassed(Elements.DECLINED);
    assertThat(
            engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(bf.getId())
                .variableName(InvitationProcess.Vars.DECLINE_REASON).singleResult().getValue())
        .isEqualTo("Session plénière le même jour");
  }

  @Test
  void spanishPageShowsSpanishTextsAndSwitchesLanguage() throws IOException {
    ProcessInstance campaign = launchCampaign("MEMBER");
    invited(campaign, "AR");

    String link = linkOf(campaign, "AR");
    browser.go(link);
    assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
    assertThat(browser.text("h1")).isEqualTo("Respuesta: Congreso de la Nación Argentina");
    assertThat(browser.text("#event-when")).isEqualTo("1 de abril de 2026, 15:00–16:30 CEST");
    assertThat(browser.text("#event-local-when")).isEqualTo("1 de abril de 2026, 10:00–11:30 UTC−03:00 (America/Argentina/Buenos_Aires)");
    assertThat(browser.pageText()).contains("Interpretación simultánea", "Enviar la respuesta", "Añadir otro representante");
    browser.screenshot("reply-page-es");

    browser.submit("a[hreflang=en]");
    assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
    assertThat(browser.pageText()).contains("Send the reply").doesNotContain("Enviar la respuesta");
  }

  @Test
  void anUnknownLinkShowsNotFoundAndAnExpiredLinkSaysSo() throws IOException {
    ProcessInstance campaign = launchCampaign("MEMBER");
    invited(campaign, "UG");
    String link = linkOf(campaign, "UG");

    browser.go("/reply/" + "A".repeat(43));
    assertThat(browser.text("#not-found-heading")).isEqualTo("Page not found");
    assertThat(browser.pageText()).doesNotContain("Uganda").contains("Page introuvable", "Página no encontrada");

    moveClockTo(Date.from(TestData.EVENT_END.toInstant()));
    browser.go(link);
    assertThat(browser.text("#closed-heading")).isEqualTo("This link has expired");
    assertThat(browser.text("#closed-message")).contains("The event is over", "postbox@ipu.example.org");
    assertThat(browser.exists("#reply-form")).isFalse();
  }

  @Test
  void afterTheDeadlineRepliesAreClosedAndThePagePointsToTheMailbox() {
    ProcessInstance campaign = launchCampaign("MEMBER");
    invited(campaign, "UG");
    String link = linkOf(campaign, "UG");

    moveClockTo(Date.from(TestData.REPLY_DEADLINE));
    browser.go(link);
    assertThat(browser.text("#closed-heading")).isEqualTo("Replies are closed");
    assertThat(browser.text("#closed-message")).contains("17 March 2026", "postbox@ipu.example.org");
    assertThat(browser.exists("#reply-form")).isFalse();
  }

  @Test
  void theFormWorksOnAPhoneWidthScreenWithTheKeyboard() throws IOException {
    ProcessInstance campaign = launchCampaign("MEMBER");
    ProcessInstance ug = invited(campaign, "UG");
    try (Browser phone = Browser.open("http://localhost:" + port, 390, 844)) {
      phone.go(linkOf(campaign, "UG"));
      var js = (org.openqa.selenium.JavascriptExecutor) phone.driver();
      Long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth");
      Long clientWidth = (Long) js.executeScript("return document.documentElement.clientWidth");
      assertThat(scrollWidth).as("no horizontal scrolling").isLessThanOrEqualTo(clientWidth);
      // every field has a label the screen reader announces
      for (String id : List.of("n0-name", "n0-function", "n0-role", "n0-committees", "n0-email", "n0-language", "reason")) {
        assertThat(phone.exists("label[for='" + id + "']")).as(id).isTrue();
      }
      phone.screenshot("reply-page-phone");
      phone.find("#answer-decline").sendKeys(org.openqa.selenium.Keys.SPACE);
      phone.find("#send").sendKeys(org.openqa.selenium.Keys.ENTER);
      phone.await("#done-heading", Duration.ofSeconds(10));
    }
    assertThat(ug).isEnded().hasPassed(Elements.DECLINED);
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** Sends the invitation letter of one invitee; returns its invitation process. */
  private ProcessInstance invited(ProcessInstance campaign, String code) {
    ProcessInstance pi = invitation(campaign, code);
    runJob(pi, Elements.SEND_INVITATION);
    return pi;
  }

  /** The path of the personal link in the invitation letter, as the parliament received it. */
  private String linkOf(ProcessInstance campaign, String code) {
    String text =
        jdbc.queryForObject(
            "select body_text from mail_outbox where kind = 'INVITATION' and business_key = ?", String.class,
            invitationBusinessKey(campaign, code));
    Matcher m = LINK.matcher(text);
    assertThat(m.find()).as("reply link in the invitation").isTrue();
    return "/reply/" + m.group(1);
  }

  private void fill(int row, String name, String function, String role, String committees, String email, String lang) {
    String p = "#n" + row + "-";
    browser.type(p + "name", name);
    browser.type(p + "function", function);
    new Select(browser.find(p + "role")).selectByValue(role);
    browser.type(p + "committees", committees);
    browser.type(p + "email", email);
    new Select(browser.find(p + "language")).selectByValue(lang);
  }
}
