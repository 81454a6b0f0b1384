package org.ipu.outreach.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository.Fingerprint;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeRole;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.junit.jupiter.api.Test;

/** The campaign-wide match is made once per report and reused, until the registered people change. */
class CampaignAttendanceTest {

  RepresentativeRepository representatives = mock(RepresentativeRepository.class);
  CampaignAttendance attendance = new CampaignAttendance(representatives);

  static final List<Participation> SESSIONS = List.of(
      new Participation("reg-1", "ana@parl.example", "Ana Pérez", 3600),
      new Participation(null, "ben@parl.example", "Ben Okafor", 1800));

  @Test
  void invitationsOfOneCampaignShareOneMatchOfTheReport() {
    when(representatives.registeredFingerprint("c1")).thenReturn(new Fingerprint(1, 1, 1));
    when(representatives.findRegisteredInCampaign("c1")).thenReturn(List.of(registered(1, "reg-1", "ana@parl.example", "Ana Pérez")));

    AttendanceMatcher.Result first = attendance.match("c1", SESSIONS);
    AttendanceMatcher.Result second = attendance.match("c1", List.copyOf(SESSIONS));

    assertThat(first.minutes(1)).isEqualTo(60);
    assertThat(second).isSameAs(first);
    verify(representatives, times(1)).findRegisteredInCampaign("c1");
  }

  @Test
  void someoneRegisteredSinceTheLastMatchIsMatchedToo() {
    when(representatives.registeredFingerprint("c1")).thenReturn(new Fingerprint(1, 1, 1));
    when(representatives.findRegisteredInCampaign("c1")).thenReturn(List.of(registered(1, "reg-1", "ana@parl.example", "Ana Pérez")));
    assertThat(attendance.match("c1", SESSIONS).unmatched()).hasSize(1);

    when(representatives.registeredFingerprint("c1")).thenReturn(new Fingerprint(2, 3, 5));
    when(representatives.findRegisteredInCampaign("c1")).thenReturn(List.of(
        registered(1, "reg-1", "ana@parl.example", "Ana Pérez"), registered(2, "reg-2", "ben@parl.example", "Ben Okafor")));
    AttendanceMatcher.Result after = attendance.match("c1", SESSIONS);

    assertThat(after.minutes(2)).isEqualTo(30);
    assertThat(after.unmatched()).isEmpty();
  }

  @Test
  void anotherReportIsMatchedAfresh() {
    when(representatives.registeredFingerprint("c1")).thenReturn(new Fingerprint(1, 1, 1));
    when(representatives.findRegisteredInCampaign("c1")).thenReturn(List.of(registered(1, "reg-1", "ana@parl.example", "Ana Pérez")));
    assertThat(attendance.match("c1", SESSIONS).minutes(1)).isEqualTo(60);

    AttendanceMatcher.Result uploaded = attendance.match("c1", List.of(new Participation(null, "ana@parl.example", "Ana", 600)));

    assertThat(uploaded.minutes(1)).isEqualTo(10);
  }

  private static Representative registered(long id, String registrantId, String email, String name) {
    return new Representative(id, "c1", "P" + id, name, "MP", RepresentativeRole.MP, null, email, Language.EN,
        RepresentativeStatus.REGISTERED, registrantId, "https://zoom.example/j/" + id, null, null);
  }
}
