package org.ipu.outreach.attendance;

import java.util.List;
import org.assertj.core.api.Assertions;
import org.ipu.outreach.attendance.AttendanceMatcher.Person;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;
import org.junit.jupiter.api.Test;

class AttendanceMatcherTest {

  static final Person ALICE = new Person(1, "rid-a", "alice@un.example", "Alice Example");
  static final Person JOSE = new Person(2, "rid-j", "jose@ar.example", "José García");
  static final Person SMITH_1 = new Person(3, "rid-s1", "s1@ug.example", "John Smith");
  static final Person SMITH_2 = new Person(4, "rid-s2", "s2@bf.example", "John Smith");
  static final List<Person> PEOPLE = List.of(ALICE, JOSE, SMITH_1, SMITH_2);

  @Test
  void registrantIdComesFirstThenEmailThenName() {
    var result = AttendanceMatcher.match(List.of(
        // the registrant id wins even when the name and e-mail point at someone else
        new Participation("rid-a", "jose@ar.example", "José García", 600),
        new Participation(null, "JOSE@AR.EXAMPLE ", "Phone user", 300),
        new Participation(null, null, "dr. JOSE  garcia (Argentina)", 120)), PEOPLE);

    Assertions.assertThat(result.minutes(1)).isEqualTo(10);
    Assertions.assertThat(result.minutes(2)).isEqualTo(7);
    Assertions.assertThat(result.unmatched()).isEmpty();
  }

  @Test
  void aNameTwoRepresentativesShareMatchesNeitherAndIsListedWithItsSessionsSummed() {
    var result = AttendanceMatcher.match(List.of(
        new Participation(null, null, "John Smith", 600),
        new Participation(null, null, "john smith", 900),
        new Participation(null, "guest@example.org", "Guest", 59)), PEOPLE);

    Assertions.assertThat(result.minutesByRepresentative()).isEmpty();
    Assertions.assertThat(result.unmatched()).extracting(AttendanceMatcher.UnmatchedAttendee::describe)
        .containsExactly("John Smith, 25 min", "Guest <guest@example.org>, 0 min");
  }

  @Test
  void namesAreNormalisedForAccentsCaseTitlesAndBrackets() {
    Assertions.assertThat(AttendanceMatcher.normaliseName("Hon. Agnès  N'DIAYE (Sénégal) [iPad]")).isEqualTo("agnes n diaye");
    Assertions.assertThat(AttendanceMatcher.normaliseName("Mme Agnès N’Diaye")).isEqualTo("agnes n diaye");
    Assertions.assertThat(AttendanceMatcher.normaliseName(null)).isEmpty();
  }
}
