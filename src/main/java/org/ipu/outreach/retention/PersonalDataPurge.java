package org.ipu.outreach.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipu.outreach.config.SchedulerThreads;
import org.ipu.outreach.invitation.InvitationProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes personal data once a campaign's retention period after its event has passed: the names,
 * functions and addresses of representatives, the recipients, subjects and bodies of the letters, the
 * simulator's registrants, and the variables (replies, nominees) in the process history. What remains
 * is anonymous: counts, outcomes, states and dates, for the organisation's statistics. Camunda's own
 * history cleanup removes the rest of the history after the processes' time to live.
 *
 * <p>Each invitation that has ended is purged on its own. One that still runs (a forgotten task, an
 * incident) keeps its data and holds its campaign: every run names such a campaign and what holds it
 * at WARN, and {@link #held} lists them for managers (/api/retention/held) and the metrics.
 */
@Component
public class PersonalDataPurge {

  static final String REMOVED = "(removed)";
  private static final Logger log = LoggerFactory.getLogger(PersonalDataPurge.class);

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RetentionProperties properties;

  public PersonalDataPurge(
      JdbcTemplate jdbc, HistoryService history, RuntimeService runtime, TaskService tasks, RetentionProperties properties) {
    this.jdbc = jdbc;
    this.history = history;
    this.runtime = runtime;
    this.tasks = tasks;
    this.properties = properties;
  }

  /** A campaign past its retention period that still has running process instances. */
  public record HeldCampaign(String campaignId, String eventCode, Instant eventEndedAt, List<String> heldBy) {}

  /** What a run did: the campaigns purged completely, and those held (their ended invitations purged). */
  public record Run(List<String> purged, List<HeldCampaign> held) {}

  @Scheduled(cron = "${outreach.retention.cron}", scheduler = SchedulerThreads.RETENTION)
  public void scheduled() {
    purgeDue();
  }

  @Transactional
  public Run purgeDue() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> purged = new ArrayList<>();
    List<HeldCampaign> held = new ArrayList<>();
    for (DueCampaign c : due(now)) {
      Map<String, ProcessInstance> running = running(c.id());
      for (String inviteeCode : unpurgedInvitees(c.id())) {
        if (!running.containsKey(InvitationProcess.businessKey(c.id(), inviteeCode))) {
          purgeInvitation(c.id(), inviteeCode, now);
        }
      }
      if (running.isEmpty()) {
        purgeCampaign(c.id(), now);
        purged.add(c.id());
      } else {
        HeldCampaign h = new HeldCampaign(c.id(), c.eventCode(), c.eventEndedAt(), heldBy(running));
        log.warn("Personal data of campaign {} is past its retention ({} after the event of {}) but cannot be removed"
            + " while its processes run: {}. End them (complete the task, resolve or cancel in Cockpit); the next"
            + " purge removes the rest.", h.campaignId(), properties.personalDataAfter(), h.eventEndedAt(), h.heldBy());
        held.add(h);
      }
    }
    return new Run(purged, held);
  }

  /** The campaigns past their retention period that a purge could not complete, and why; changes nothing. */
  public List<HeldCampaign> held() {
    List<HeldCampaign> held = new ArrayList<>();
    for (DueCampaign c : due(ClockUtil.getCurrentTime().toInstant())) {
      Map<String, ProcessInstance> running = running(c.id());
      if (!running.isEmpty()) {
        held.add(new HeldCampaign(c.id(), c.eventCode(), c.eventEndedAt(), heldBy(running)));
      }
    }
    return held;
  }

  private record DueCampaign(String id, String eventCode, Instant eventEndedAt) {}

  private List<DueCampaign> due(Instant now) {
    return jdbc.query(
        "select c.id, c.event_code, e.ends_at from campaign c join outreach_event e on e.code = c.event_code"
            + " where c.purged_at is null and e.ends_at < ? order by c.id",
        (rs, n) -> new DueCampaign(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
        Timestamp.from(now.minus(properties.personalDataAfter())));
  }

  /** The campaign's running instances (its own and its invitations'), by business key. */
  private Map<String, ProcessInstance> running(String campaignId) {
    String prefix = InvitationProcess.businessKey(campaignId, "");
    Map<String, ProcessInstance> running = new TreeMap<>();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(campaignId).list()
        .forEach(pi -> running.put(pi.getBusinessKey(), pi));
    // LIKE takes '_' in an id as any character: only the campaign's own keys are kept
    runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(prefix + "%").list().stream()
        .filter(pi -> pi.getBusinessKey().startsWith(prefix))
        .forEach(pi -> running.put(pi.getBusinessKey(), pi));
    return running;
  }

  /** E.g. "TEST-1:BF: open task Task_ConfirmRepresentative", "TEST-1:UG: incident mailDelivery at Task_SendInvitation". */
  private List<String> heldBy(Map<String, ProcessInstance> running) {
    List<String> reasons = new ArrayList<>();
    running.forEach((key, pi) -> {
      List<String> why = new ArrayList<>();
      for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId()).list()) {
        why.add("open task " + t.getTaskDefinitionKey());
      }
      for (Incident i : runtime.createIncidentQuery().processInstanceId(pi.getId()).list()) {
        why.add("incident " + i.getIncidentType() + " at " + i.getActivityId());
      }
      if (why.isEmpty()) {
        why.add("running at " + String.join(", ", runtime.getActiveActivityIds(pi.getId())));
      }
      why.forEach(w -> reasons.add(key + ": " + w));
    });
    return reasons;
  }

  private List<String> unpurgedInvitees(String campaignId) {
    return jdbc.queryForList(
        "select invitee_code from campaign_invitee where campaign_id = ? and purged_at is null order by invitee_code",
        String.class, campaignId);
  }

  private void purgeInvitation(String campaignId, String inviteeCode, Instant now) {
    // the simulator's registrations of these representatives only: the same person may be registered for
    // another event, or for this meeting through another campaign not purged yet
    jdbc.update(
        "delete from simulated_registrant s where s.registrant_id in (select r.registrant_id from representative r"
            + " where r.campaign_id = ? and r.invitee_code = ? and r.registrant_id is not null)"
            + " and not exists (select 1 from representative o join campaign c on c.id = o.campaign_id"
            + " where o.registrant_id = s.registrant_id and c.purged_at is null"
            + " and not (o.campaign_id = ? and o.invitee_code = ?))",
        campaignId, inviteeCode, campaignId, inviteeCode);
    jdbc.update(
        "update representative set full_name = ?, function_title = ?, committees = null,"
            + " email = concat('removed-', cast(id as varchar(20)), '@invalid'), join_url = null"
            + " where campaign_id = ? and invitee_code = ?",
        REMOVED, REMOVED, campaignId, inviteeCode);
    String key = InvitationProcess.businessKey(campaignId, inviteeCode);
    purgeLetters(key);
    deleteHistoricVariables(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).finished().list());
    jdbc.update("update campaign_invitee set purged_at = ? where campaign_id = ? and invitee_code = ?",
        Timestamp.from(now), campaignId, inviteeCode);
  }

  private void purgeCampaign(String campaignId, Instant now) {
    // participants' names and e-mails from an uploaded attendance report
    jdbc.update("delete from attendance_upload_session where campaign_id = ?", campaignId);
    purgeLetters(campaignId);
    // the campaign's own variables (its sample letter)
    deleteHistoricVariables(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(campaignId).finished().list());
    jdbc.update("update campaign set purged_at = ? where id = ?", Timestamp.from(now), campaignId);
    log.info("Personal data of campaign {} removed (retention {} after the event)", campaignId,
        properties.personalDataAfter());
  }

  private void purgeLetters(String businessKey) {
    jdbc.update(
        "update mail_outbox set recipient_to = ?, recipient_cc = null, subject = ?, body_text = '', body_html = '',"
            + " attachment_content = null, mime_message = null, last_error = null where business_key = ?",
        REMOVED, REMOVED, businessKey);
  }

  private void deleteHistoricVariables(List<HistoricProcessInstance> instances) {
    for (HistoricProcessInstance pi : instances) {
      history.deleteHistoricVariableInstancesByProcessInstanceId(pi.getId());
    }
  }
}
