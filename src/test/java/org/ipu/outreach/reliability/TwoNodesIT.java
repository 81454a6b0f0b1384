package org.ipu.outreach.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.support.AppJvm;
import org.ipu.outreach.support.CampaignOverRest;
import org.ipu.outreach.support.RestartableSmtp;
import org.ipu.outreach.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one PostgreSQL, both job executors on, run one campaign together, with
 * timings short enough for the reminders and the reply deadline to pass during the test. Staff work on
 * both nodes. No letter and no meeting registration happens twice, and every timer fires once.
 */
class TwoNodesIT {

  static final int N = Integer.getInteger("twonodes.invitees", 60);
  /** Invitees who nominate a representative at once (before any reminder). */
  static final int NOMINATING = 10;
  static final String DOMAIN = "twonodes.parliament.test";

  RestartableSmtp smtp;
  final List<AppJvm> nodes = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AppJvm node : nodes) {
      node.close();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  void twoNodesSendEveryLetterOnceRegisterOnceAndFireEveryTimerOnce() throws Exception {
    String jdbc = TestPostgres.jdbcUrl("twonodes");
    smtp = new RestartableSmtp().start();
    List<String> args = new ArrayList<>(ReliabilityArgs.fastRecovery());
    args.add("--outreach.invitation.first-reminder-after=PT40S");
    args.add("--outreach.invitation.deadline-reminder-before=PT30S");
    // the first node creates the schema; the second starts on it (as a second node joins in production)
    AppJvm a = new AppJvm("node-a", AppJvm.prodEnvironment(jdbc, smtp.port()), args).start();
    nodes.add(a);
    a.awaitStarted(Duration.ofMinutes(3));
    AppJvm b = new AppJvm("node-b", AppJvm.prodEnvironment(jdbc, smtp.port()), args).start();
    nodes.add(b);
    b.awaitStarted(Duration.ofMinutes(3));

    CampaignOverRest.importDirectory(a, "TN", DOMAIN, N);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(100));
    CampaignOverRest.createEvent(b, "TWO-NODES", deadline);
    String campaign = CampaignOverRest.startAndApprove(a, "TWO-NODES");
    CampaignOverRest.await(Duration.ofMinutes(1), "every invitation waiting for the reply",
        () -> CampaignOverRest.invitationsAt(b, Elements.WAIT_FOR_REPLY) == N);

    // replies recorded on both nodes, then each nominee confirmed on the other node
    for (int i = 0; i < NOMINATING; i++) {
      nodes.get(i % 2).ok("POST", "/api/campaigns/" + campaign + "/invitees/" + CampaignOverRest.code("TN", i) + "/reply",
          CampaignOverRest.ADMIN, "application/json", """
          {"reply": "nominated", "representatives": [{"name": "Representative %d", "function": "Member",
           "role": "MP", "committees": "Human rights", "email": "%s", "language": "en"}]}
          """.formatted(i, representative(i)));
    }
    CampaignOverRest.await(Duration.ofMinutes(1), "a confirmation task per nominee",
        () -> CampaignOverRest.json(a, "/engine-rest/task?taskDefinitionKey=" + Elements.CONFIRM_REPRESENTATIVE).size()
            == NOMINATING);
    int k = 0;
    for (JsonNode task : CampaignOverRest.json(a, "/engine-rest/task?taskDefinitionKey=" + Elements.CONFIRM_REPRESENTATIVE)) {
      nodes.get(k++ % 2).ok("POST", "/engine-rest/task/" + task.get("id").asText() + "/submit-form", CampaignOverRest.ADMIN,
          "application/json", "{\"variables\": {\"confirmDecision\": {\"value\": \"confirm\", \"type\": \"String\"}}}");
    }

    int silent = N - NOMINATING;
    CampaignOverRest.await(Duration.ofMinutes(4), "the reply deadline passed for every silent invitee",
        () -> CampaignOverRest.json(b, "/engine-rest/task/count?taskDefinitionKey=" + Elements.FOLLOW_UP).get("count").asInt()
            == silent);
    CampaignOverRest.await(Duration.ofMinutes(1), "every letter delivered",
        () -> DeliveryCheck.outboxByStatus(jdbc).keySet().equals(java.util.Set.of("SENT")));

    int redelivered = DeliveryCheck.exactlyOnePerInvitee(smtp, "Invitation:", DOMAIN, N);
    Map<String, List<String>> firstReminders = smtp.messageIdsByRecipient("Reminder:");
    Map<String, List<String>> deadlineReminders = smtp.messageIdsByRecipient("Reply requested by");
    for (int i = NOMINATING; i < N; i++) {
      String president = CampaignOverRest.president(DOMAIN, i);
      assertThat(firstReminders.get(president)).as("first reminders to %s", president).hasSize(1);
      assertThat(deadlineReminders.get(president)).as("deadline reminders to %s", president).hasSize(1);
    }
    Map<String, List<String>> confirmations = smtp.messageIdsByRecipient("Registration confirmed:");
    for (int i = 0; i < NOMINATING; i++) {
      assertThat(new HashSet<>(confirmations.getOrDefault(representative(i), List.of())))
          .as("registration confirmations to %s", representative(i)).hasSize(1);
    }
    assertThat(DeliveryCheck.count(jdbc, "select count(*) from simulated_registrant")).isEqualTo(NOMINATING);
    assertThat(DeliveryCheck.count(jdbc, "select count(*) from representative where registrant_id is not null"))
        .isEqualTo(NOMINATING);
    // each timer of each invitation fired at most once (history of activity instances)
    for (String timer : List.of(Elements.FIRST_REMINDER_DUE, Elements.DEADLINE_REMINDER_DUE, Elements.REPLY_DEADLINE_REACHED)) {
      assertThat(DeliveryCheck.count(jdbc, "select count(*) from (select proc_inst_id_ from act_hi_actinst where act_id_ = '"
              + timer + "' group by proc_inst_id_ having count(*) > 1) twice"))
          .as("invitations where %s fired twice", timer).isZero();
      assertThat(DeliveryCheck.count(jdbc, "select count(*) from act_hi_actinst where act_id_ = '" + timer + "'"))
          // every silent invitation; a nominating one too if its reply came after its reminder was due
          .as("%s fired", timer).isBetween(silent, N);
    }
    assertThat(CampaignOverRest.incidents(a)).isZero();
    System.out.printf("TwoNodesIT figures: N=%d, %d nominated and registered, %d reminders and %d deadline"
        + " reminders, redelivered copies=%d%n",
        N, NOMINATING, firstReminders.size(), deadlineReminders.size(), redelivered);
  }

  private static String representative(int i) {
    return "representative%05d@%s".formatted(i, DOMAIN);
  }
}
