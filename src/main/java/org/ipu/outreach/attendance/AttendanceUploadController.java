package org.ipu.outreach.attendance;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The fallback when the Zoom app has no API access (or no report:read:admin scope): staff upload the
 * participants report exported from Zoom's web portal, as the body ({@code text/csv}) or as the multipart
 * field {@code file}, to {@code POST /api/campaigns/{campaignId}/attendance-report}. Attendance collection
 * then reads it instead of asking the platform, with the same matching. A file with any bad row is
 * refused with every problem named, and the report uploaded before stays as it was.
 */
@RestController
class AttendanceUploadController {

  private final AttendanceUploads uploads;
  private final CampaignRepository campaigns;
  private final CampaignAttendance campaignAttendance;
  private final StaffAccess staff;

  AttendanceUploadController(
      AttendanceUploads uploads, CampaignRepository campaigns, CampaignAttendance campaignAttendance,
      StaffAccess staff) {
    this.uploads = uploads;
    this.campaigns = campaigns;
    this.campaignAttendance = campaignAttendance;
    this.staff = staff;
  }

  /** What the upload matched, so that staff see at once whether it is the right file. */
  public record UploadResult(int sessions, int representativesMatched, List<String> unmatchedAttendees) {}

  @PostMapping(
      path = "/api/campaigns/{campaignId}/attendance-report",
      consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  public UploadResult upload(@PathVariable String campaignId, InputStream body) {
    staff.require();
    return store(campaignId, body);
  }

  @PostMapping(
      path = "/api/campaigns/{campaignId}/attendance-report",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public UploadResult uploadFile(@PathVariable String campaignId, @RequestParam("file") MultipartFile file) throws IOException {
    staff.require();
    try (InputStream in = file.getInputStream()) {
      return store(campaignId, in);
    }
  }

  private UploadResult store(String campaignId, InputStream in) {
    if (campaigns.find(campaignId).isEmpty()) {
      throw new InvalidInputException("There is no campaign '" + campaignId + "'.");
    }
    List<Participation> sessions = ZoomParticipantCsv.parse(in);
    uploads.replace(campaignId, sessions);
    AttendanceMatcher.Result result = campaignAttendance.match(campaignId, sessions);
    return new UploadResult(sessions.size(), result.minutesByRepresentative().size(),
        result.unmatched().stream().map(AttendanceMatcher.UnmatchedAttendee::describe).toList());
  }
}
