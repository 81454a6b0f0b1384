package org.ipu.outreach.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ipu.outreach.PersonalData;
import org.ipu.outreach.engine.JobRetryProperties;
import org.ipu.outreach.invitation.InvitationInstance;
import org.ipu.outreach.invitation.InvitationInstances;
import org.ipu.outreach.meeting.RegistrationRequests.Request;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ipu.outreach.config.SchedulerThreads;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the confirmed representatives of every invitation waiting at "Wait for the meeting
 * registration", all parliaments of a meeting together: one call to the platform per meeting and round
 * (Zoom: the meeting's registrants listed once, the missing ones added 30 per call), then each
 * invitation is woken up in its own transaction.
 *
 * <p>What goes wrong is never dropped: a wrongly set-up meeting goes to staff ("Fix the meeting
 * settings", through the message MeetingSettingsWrong); one person the platform refuses goes to staff
 * with that invitation ("Correct the refused representative", message RegistrantRefused) while everyone
 * else is registered; a rate limit postpones the round (see {@link RegistrationThrottling}); any other failure is tried again on the back-off of outreach.jobs.retry-cycle
 * and, once that is used up, raised as an incident (type meetingRegistration) on the waiting invitation,
 * while the batcher keeps trying at the last interval and resolves the incident when it succeeds.
 */
@Component
public class RegistrationBatcher {

  public static final String INCIDENT_TYPE = "meetingRegistration";
  private static final Logger log = LoggerFactory.getLogger(RegistrationBatcher.class);

  private final RegistrationRequests requests;
  private final RepresentativeRepository representatives;
  private final MeetingPlatform platform;
  private final InvitationInstances invitations;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final MeetingRegistrationProperties properties;
  private final RegistrationThrottling throttling;
  private final List<Duration> backoff;
  private final String owner = UUID.randomUUID().toString();

  public RegistrationBatcher(
      RegistrationRequests requests,
      RepresentativeRepository representatives,
      MeetingPlatform platform,
      InvitationInstances invitations,
      TransactionTemplate tx,
      Clock clock,
      MeetingRegistrationProperties properties,
      JobRetryProperties retries,
      RegistrationThrottling throttling) {
    this.throttling = throttling;
    this.requests = requests;
    this.representatives = representatives;
    this.platform = platform;
    this.invitations = invitations;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
    this.backoff = Arrays.stream(retries.retryCycle().split(",")).map(String::trim).map(Duration::parse).toList();
  }

  /** What one round did, for logs and tests; sentToStaff: invitations with a meeting or a person to fix. */
  public record Round(int registered, int sentToStaff, int postponed, int failed) {}

  @Scheduled(
      initialDelayString = "${outreach.meeting.registration-interval}",
      fixedDelayString = "${outreach.meeting.registration-interval}",
      scheduler = SchedulerThreads.REGISTRATION)
  public void scheduled() {
    try {
      Round round = registerDue();
      if (round.registered() + round.sentToStaff() + round.postponed() + round.failed() > 0) {
        log.info("Meeting registration round: {}", round);
      }
    } catch (RuntimeException e) {
      // e.g. the database is away: the requests stay and the next round takes them
      log.error("Meeting registration round failed", e);
    }
  }

  public Round registerDue() {
    Instant now = clock.instant();
    Map<String, List<Request>> byMeeting = new LinkedHashMap<>();
    Map<String, java.util.Set<String>> runningByCampaign = new java.util.HashMap<>();
    for (Request r : requests.claimDue(now, owner, properties.registrationClaimHold())) {
      if (!runningByCampaign.computeIfAbsent(r.campaignId(), invitations::runningBusinessKeys).contains(r.businessKey())) {
        // the invitation ended meanwhile (the event started or was cancelled): nobody is to be registered
        requests.done(r.businessKey());
        continue;
      }
      byMeeting.computeIfAbsent(r.meetingId(), m -> new ArrayList<>()).add(r);
    }
    int[] counts = new int[4];
    byMeeting.forEach((meetingId, waiting) -> registerMeeting(meetingId, waiting, now, counts));
    return new Round(counts[0], counts[1], counts[2], counts[3]);
  }

  private void registerMeeting(String meetingId, List<Request> waiting, Instant now, int[] counts) {
    Map<Request, List<Representative>> confirmed = new LinkedHashMap<>();
    Map<String, MeetingPlatform.Registrant> everyone = new LinkedHashMap<>();
    for (Request r : waiting) {
      java.util.Set<Long> refusedBefore = new java.util.HashSet<>(representatives.refusedForInvitee(r.campaignId(), r.inviteeCode()));
      // a representative the platform refused waits for staff: offering them again spends Zoom's 3 adds a day
      List<Representative> reps = representatives.findForInvitee(r.campaignId(), r.inviteeCode()).stream()
          .filter(rep -> rep.status() == RepresentativeStatus.CONFIRMED && !refusedBefore.contains(rep.id()))
          .toList();
      confirmed.put(r, reps);
      reps.forEach(rep -> everyone.putIfAbsent(key(rep.email()), new MeetingPlatform.Registrant(rep.fullName(), rep.email())));
    }
    MeetingPlatform.Registrations registrations;
    try {
      registrations = everyone.isEmpty()
          ? new MeetingPlatform.Registrations(Map.of(), Map.of())
          : platform.registerAll(meetingId, new ArrayList<>(everyone.values()));
    } catch (MeetingConfigurationException wrong) {
      for (Request r : waiting) {
        wake(r, () -> {
          requests.done(r.businessKey());
          invitation(r).meetingSettingsWrong(wrong.getMessage());
        }, now, counts, 1);
      }
      return;
    } catch (MeetingPlatformBusyException busy) {
      throttling.busy(meetingId, waiting, busy, now);
      counts[2] += waiting.size();
      return;
    } catch (RuntimeException e) {
      waiting.forEach(r -> failed(r, e, now));
      counts[3] += waiting.size();
      return;
    }
    throttling.through(meetingId, waiting);
    for (Map.Entry<Request, List<Representative>> entry : confirmed.entrySet()) {
      Request r = entry.getKey();
      boolean anyRefused = entry.getValue().stream().anyMatch(rep -> registrations.refused().containsKey(key(rep.email())));
      wake(r, () -> {
        for (Representative rep : entry.getValue()) {
          String refusal = registrations.refused().get(key(rep.email()));
          if (refusal != null) {
            representatives.recordRegistrationRefused(rep.id(), refusal);
            continue;
          }
          MeetingPlatform.Registration reg = registrations.registered().get(key(rep.email()));
          if (reg == null) {
            throw new IllegalStateException("The meeting platform returned no registration for representative " + rep.id());
          }
          representatives.setRegistration(rep.id(), reg.registrantId(), reg.joinUrl());
        }
        requests.done(r.businessKey());
        InvitationInstance invitation = invitation(r);
        invitation.resolveIncidents(INCIDENT_TYPE);
        if (anyRefused) {
          // that parliament's problem, not the meeting's: its other representatives stay registered
          log.info("The meeting platform refused a representative of {}; sent to staff", r.businessKey());
          invitation.registrantsRefused();
        } else {
          invitation.representativesRegistered();
        }
      }, now, counts, anyRefused ? 1 : 0);
    }
  }

  /** Applies one invitation's outcome in its own transaction; a failure there counts as a failed attempt. */
  private void wake(Request r, Runnable work, Instant now, int[] counts, int counter) {
    try {
      tx.executeWithoutResult(status -> work.run());
      counts[counter]++;
    } catch (RuntimeException e) {
      failed(r, e, now);
      counts[3]++;
    }
  }

  private void failed(Request r, RuntimeException e, Instant now) {
    int failures = r.failures() + 1;
    Duration wait = backoff.get(Math.min(failures, backoff.size()) - 1);
    // the platform's error may name the registrant: the log and the incident name the invitation
    String message = "Registering the representatives of " + r.businessKey() + " for meeting " + r.meetingId()
        + " failed " + failures + " time(s): " + PersonalData.withoutAddresses(e.getMessage());
    log.warn(message);
    log.debug("Registration failure of {}", r.businessKey(), e);
    requests.postpone(r.businessKey(), now.plus(wait), true, e.getMessage());
    if (failures == backoff.size() + 1) {
      // the same number of attempts a job gets; from now on an operator should look at it
      raiseIncident(r.businessKey(), message + " It is tried again every " + wait
          + " and this incident is resolved when it succeeds.");
    }
  }

  private void raiseIncident(String businessKey, String message) {
    try {
      invitations.findByBusinessKey(businessKey).ifPresent(i -> i.raiseRegistrationIncident(INCIDENT_TYPE, message));
    } catch (RuntimeException e) {
      log.error("Could not raise the incident for {}: {}", businessKey, message, e);
    }
  }

  private InvitationInstance invitation(Request r) {
    return invitations.findByBusinessKey(r.businessKey())
        .orElseThrow(() -> new IllegalStateException("The invitation " + r.businessKey() + " is no longer running"));
  }

  private static String key(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
