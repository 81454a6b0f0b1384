package org.ipu.outreach.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Drives a campaign through the application's own REST API as the administrator would: an event, a
 * generated directory, the campaign's start form and its approval. For the tests on separate JVMs.
 */
public final class CampaignOverRest {

  public static final String ADMIN = "admin";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId ZONE = ZoneId.of("Europe/Zurich");

  private CampaignOverRest() {}

  /** An event starting in two days whose reply deadline is the given moment. */
  public static void createEvent(AppJvm app, String code, Instant replyDeadline) throws Exception {
    LocalDateTime start = LocalDateTime.now(ZONE).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
    String deadline = LocalDateTime.ofInstant(replyDeadline, ZONE).truncatedTo(ChronoUnit.SECONDS).toString();
    app.ok("PUT", "/api/events/" + code, ADMIN, "application/json", """
        {"title": "Reliability panel", "timeZone": "Europe/Zurich", "start": "%s", "end": "%s",
         "replyDeadline": "%s", "meetingId": "85746352411", "interpretationLanguages": ["en"],
         "audienceNote": "MPs and parliamentary staff.", "signatoryName": "Martin Chungong",
         "signatoryTitle": "Secretary General"}
        """.formatted(start, start.plusMinutes(90), deadline));
  }

  /** The address of generated invitee number i: one per invitee, no secretary, so that counts are per invitee. */
  public static String president(String domain, int i) {
    return "president%05d@%s".formatted(i, domain);
  }

  public static String code(String prefix, int i) {
    return "%s%05d".formatted(prefix, i);
  }

  /** Imports n invitees through POST /api/directory/import. */
  public static void importDirectory(AppJvm app, String prefix, String domain, int n) throws Exception {
    StringBuilder csv = new StringBuilder(
        "code,name,country,kind,groups,language,president_name,salutation,president_email,secretary_email,time_zone\n");
    for (int i = 0; i < n; i++) {
      csv.append("%s,Parliament %d,Country %d,Member,African,en,President %d,\"Dear President,\",%s,,Africa/Kampala\n"
          .formatted(code(prefix, i), i, i, i, president(domain, i)));
    }
    app.ok("POST", "/api/directory/import", ADMIN, "text/csv", csv.toString());
  }

  /** Starts the campaign for every invitee of the directory and approves it; returns the campaign id. */
  public static String startAndApprove(AppJvm app, String eventCode) throws Exception {
    app.ok("POST", "/engine-rest/process-definition/key/campaign/submit-form", ADMIN, "application/json", """
        {"variables": {"eventCode": {"value": "%s", "type": "String"},
                       "inviteeScope": {"value": "all", "type": "String"}}}
        """.formatted(eventCode));
    String[] taskId = new String[1];
    await(Duration.ofMinutes(1), "the review task", () -> {
      JsonNode tasks = json(app, "/engine-rest/task?processDefinitionKey=campaign&taskDefinitionKey=Task_ReviewCampaign");
      taskId[0] = tasks.size() == 0 ? null : tasks.get(0).get("id").asText();
      return taskId[0] != null;
    });
    app.ok("POST", "/engine-rest/task/" + taskId[0] + "/submit-form", ADMIN, "application/json",
        "{\"variables\": {\"reviewDecision\": {\"value\": \"approve\", \"type\": \"String\"}}}");
    JsonNode campaigns = json(app, "/engine-rest/process-instance?processDefinitionKey=campaign");
    return campaigns.get(0).get("businessKey").asText();
  }

  /** Invitation processes with a token at the given activity. */
  public static int invitationsAt(AppJvm app, String activityId) throws Exception {
    return json(app, "/engine-rest/process-instance/count?processDefinitionKey=parliament-invitation&activityIdIn="
        + activityId).get("count").asInt();
  }

  public static int incidents(AppJvm app) throws Exception {
    return json(app, "/engine-rest/incident/count").get("count").asInt();
  }

  public static JsonNode json(AppJvm app, String path) throws IOException, InterruptedException {
    return JSON.readTree(app.ok("GET", path, ADMIN, null, null));
  }

  public interface Condition {
    boolean holds() throws Exception;
  }

  public static void await(Duration timeout, String what, Condition condition) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.holds()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(250);
    }
  }

}
