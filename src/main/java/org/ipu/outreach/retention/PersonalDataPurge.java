package org.ipu.outreach.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.invitation.InvitationProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ipu.outreach.config.SchedulerThreads;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the personal data of finished campaigns once their retention period has passed: the names,
 * functions and addresses of representatives, the recipients, subjects and bodies of the campaign's
 * letters, the simulator's registrants, and the variables (replies, nominees) in the process history.
 * What remains is anonymous: counts, outcomes, states and dates, for the organisation's statistics.
 * Camunda's own history cleanup removes the rest of the history after the processes' time to live.
 */
@Component
public class PersonalDataPurge {

  static final String REMOVED = "(removed)";
  private static final Logger log = LoggerFactory.getLogger(PersonalDataPurge.class);

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final RetentionProperties properties;

  public PersonalDataPurge(JdbcTemplate jdbc, HistoryService history, RetentionProperties properties) {
    this.jdbc = jdbc;
    this.history = history;
    this.properties = properties;
  }

  @Scheduled(cron = "${outreach.retention.cron}", scheduler = SchedulerThreads.RETENTION)
  public void scheduled() {
    purgeDue();
  }

  /** Purges every finished campaign whose event ended more than the retention period ago; returns their ids. */
  @Transactional
  public List<String> purgeDue() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> due = jdbc.queryForList(
        "select c.id from campaign c join outreach_event e on e.code = c.event_code"
            + " where c.status in ('COMPLETED', 'CANCELLED') and c.purged_at is null and e.ends_at < ? order by c.id",
        String.class, Timestamp.from(now.minus(properties.personalDataAfter())));
    for (String campaignId : due) {
      purge(campaignId, now);
    }
    return due;
  }

  private void purge(String campaignId, Instant now) {
    String keys = InvitationProcess.businessKey(campaignId, "") + "%";
    jdbc.update(
        "delete from simulated_registrant where email in (select email from representative where campaign_id = ?)",
        campaignId);
    jdbc.update(
        "update representative set full_name = ?, function_title = ?, committees = null,"
            + " email = concat('removed-', cast(id as varchar(20)), '@invalid'), join_url = null where campaign_id = ?",
        REMOVED, REMOVED, campaignId);
    // participants' names and e-mails from an uploaded attendance report
    jdbc.update("delete from attendance_upload_session where campaign_id = ?", campaignId);
    jdbc.update(
        "update mail_outbox set recipient_to = ?, recipient_cc = null, subject = ?, body_text = '', body_html = '',"
            + " attachment_content = null, mime_message = null, last_error = null where business_key like ?",
        REMOVED, REMOVED, keys);
    // the invitations' variables (replies, nominees) and the campaign's own (its sample letter)
    List<HistoricProcessInstance> instances = new java.util.ArrayList<>(
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(keys).finished().list());
    instances.addAll(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(campaignId).finished().list());
    for (HistoricProcessInstance pi : instances) {
      history.deleteHistoricVariableInstancesByProcessInstanceId(pi.getId());
    }
    jdbc.update("update campaign set purged_at = ? where id = ?", Timestamp.from(now), campaignId);
    log.info("Personal data of campaign {} removed (retention {} after the event)", campaignId,
        properties.personalDataAfter());
  }
}
