package org.ipu.outreach.attendance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;
import org.junit.jupiter.api.Test;

class ZoomParticipantCsvTest {

  static ByteArrayInputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theParticipantsTableWithoutMeetingDetailsIsRead() {
    var sessions = ZoomParticipantCsv.parse(csv(
        "\uFEFFName (original name),Email,Total duration (minutes),Guest\r\n"
            + "\"Example, Alice\",alice@un.example,45,No\r\n"
            + "Guest Person,,3,Yes\r\n"));

    Assertions.assertThat(sessions).containsExactly(
        new Participation(null, "alice@un.example", "Example, Alice", 2700),
        new Participation(null, null, "Guest Person", 180));
  }

  @Test
  void anEmptyReportIsRefused() {
    Assertions.assertThatThrownBy(() -> ZoomParticipantCsv.parse(csv("Name (Original Name),User Email,Duration (Minutes)\n")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("lists nobody");
  }

  @Test
  void aRowWithNeitherNameNorEmailIsRefused() {
    Assertions.assertThatThrownBy(() -> ZoomParticipantCsv.parse(csv("Name (Original Name),User Email,Duration (Minutes)\n,,5\n")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Line 2: neither a name nor an e-mail address");
  }
}
