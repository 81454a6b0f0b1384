package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A registered representative uses the "I cannot attend" link of their confirmation: opening it changes
 * nothing, confirming it cancels the registration on the platform and tells the parliament.
 */
class CannotAttendScenariosTest extends InvitationScenarioBase {

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/cannot-attend/[A-Za-z0-9._-]+)");
  private static final Pattern CSRF = Pattern.compile("name=\"cannotAttendCsrf\" value=\"([^\"]+)\"");

  @Autowired TestRestTemplate http;

  @Test
  void theLinkInTheConfirmationWithdrawsTheRepresentativeAndTellsTheParliament() throws Exception {
    confirmedAndRegistered(ALICE);
    deliverMail();
    Matcher link = LINK.matcher(plainText(onlyAttachment(mailTo(ALICE), "Registration confirmed")));
    Assertions.assertThat(link.find()).as("the confirmation carries the link").isTrue();
    String path = link.group(1);

    ResponseEntity<String> page = http.getForEntity(path, String.class);
    Assertions.assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    Assertions.assertThat(page.getBody()).contains("Alice Example").contains("id=\"cannot-attend\"");
    Assertions.assertThat(registeredEmails()).as("opening the page changes nothing").containsExactly(ALICE);

    Assertions.assertThat(post(path, "forged").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Assertions.assertThat(http.getForEntity(path.substring(0, path.length() - 2) + "xx", String.class).getStatusCode())
        .as("a link altered by hand is unknown").isEqualTo(HttpStatus.NOT_FOUND);
    Assertions.assertThat(registeredEmails()).containsExactly(ALICE);
    verify(simulator, never()).cancel(anyString(), anyString(), anyString());

    Matcher csrf = CSRF.matcher(page.getBody());
    Assertions.assertThat(csrf.find()).isTrue();
    ResponseEntity<String> done = post(path, csrf.group(1));
    Assertions.assertThat(done.getBody()).contains("id=\"cannot-attend-done\"");
    execute(jobAt(un, Elements.WITHDRAW_REPRESENTATIVE));

    assertThat(un).hasPassed(Elements.REPRESENTATIVE_WITHDRAWN).isWaitingAt(Elements.JOINING_REMINDER_DUE);
    verify(simulator).cancel(eq(event.meetingId()), anyString(), eq(ALICE));
    Assertions.assertThat(registeredEmails()).isEmpty();
    deliverMail();
    List<MimeMessage> told = subjects(mailTo(UN_PRESIDENT), "Alice Example cannot attend");
    Assertions.assertThat(told).hasSize(1);
    Assertions.assertThat(plainText(told.get(0))).contains("has been cancelled").contains("/reply/");

    // the link used again: nothing left to cancel
    Assertions.assertThat(http.getForEntity(path, String.class).getBody()).contains("id=\"cannot-attend-not-registered\"");
  }

  private ResponseEntity<String> post(String path, String csrf) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("cannotAttendCsrf", csrf);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  private List<String> registeredEmails() {
    return representatives.findForInvitee(campaignId(campaign), "UN").stream()
        .filter(r -> r.status() == RepresentativeStatus.REGISTERED)
        .map(Representative::email)
        .toList();
  }
}
