package org.ipu.outreach.attendance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.springframework.stereotype.Component;

/**
 * Matches a meeting's sessions against every registered representative of the campaign. Each
 * invitation asks for its own representatives' minutes, but the match is campaign-wide ("unmatched"
 * means "none of ours"), so it is computed once per report and set of registered representatives and
 * reused by the next invitations: otherwise a campaign of N invitations reads and matches N
 * representatives N times.
 */
@Component
public class CampaignAttendance {

  private static final int KEPT = 4;

  private final RepresentativeRepository representatives;
  private final Map<Key, AttendanceMatcher.Result> recent =
      new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, AttendanceMatcher.Result> eldest) {
          return size() > KEPT;
        }
      };

  public CampaignAttendance(RepresentativeRepository representatives) {
    this.representatives = representatives;
  }

  /** The same sessions of the same campaign, with the same registered representatives. */
  private record Key(String campaignId, List<Participation> sessions, RepresentativeRepository.Fingerprint registered) {}

  public AttendanceMatcher.Result match(String campaignId, List<Participation> sessions) {
    Key key = new Key(campaignId, List.copyOf(sessions), representatives.registeredFingerprint(campaignId));
    synchronized (recent) {
      AttendanceMatcher.Result known = recent.get(key);
      if (known != null) {
        return known;
      }
    }
    List<AttendanceMatcher.Person> people = representatives.findRegisteredInCampaign(campaignId).stream()
        .map(r -> new AttendanceMatcher.Person(r.id(), r.registrantId(), r.email(), r.fullName()))
        .toList();
    AttendanceMatcher.Result result = AttendanceMatcher.match(sessions, people);
    synchronized (recent) {
      recent.put(key, result);
    }
    return result;
  }
}
