package org.ipu.outreach.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.directory.Language;
import org.junit.jupiter.api.Test;

class EventControllerTest {

  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  static EventController.EventJson panel(String start, String end, String deadline, String zone) {
    return new EventController.EventJson(
        "Parliamentary solidarity: Supporting MPs under threat", zone, start, end, "85746352411",
        List.of("en", "fr", "es"), "MPs and parliamentary staff", deadline, "Martin Chungong", "Secretary General",
        java.util.Map.of("fr", new EventController.TranslationJson("La solidarité parlementaire", "Les parlementaires")));
  }

  @Test
  void localTimesAreReadInTheEventsTimeZone() {
    OutreachEvent e = EventController.validate(
        "PANEL-2026", panel("2026-09-26T15:00", "2026-09-26T16:30", "2026-09-15T23:59", "Europe/Zurich"), NOW);
    assertThat(e.start().toInstant()).isEqualTo(Instant.parse("2026-09-26T13:00:00Z"));
    assertThat(e.interpretationLanguages()).containsExactly(Language.EN, Language.FR, Language.ES);
    assertThat(e.titleIn(Language.FR)).isEqualTo("La solidarité parlementaire");
    assertThat(e.titleIn(Language.ES)).isEqualTo("Parliamentary solidarity: Supporting MPs under threat");
  }

  @Test
  void anEventInThePastOrEndingBeforeItStartsIsRefusedWithEachProblemNamed() {
    assertThatThrownBy(() -> EventController.validate(
            "PANEL-2026", panel("2025-09-26T15:00", "2025-09-26T14:00", "2025-09-30T00:00", "Mars/Olympus"), NOW))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("timeZone must be a time zone");
    assertThatThrownBy(() -> EventController.validate(
            "PANEL-2026", panel("2025-09-26T15:00", "2025-09-26T14:00", "2025-09-30T00:00", "Europe/Zurich"), NOW))
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).contains(
            "end must be after start.", "replyDeadline must be before start.")
            .anyMatch(p -> p.contains("is in the past")));
  }

  @Test
  void aBadCodeOrDateIsNamed() {
    assertThatThrownBy(() -> EventController.validate(
            "panel 2026", panel("26/09/2026 15:00", "2026-09-26T16:30", "2026-09-15T23:59", "Europe/Zurich"), NOW))
        .hasMessageContaining("code must be 2 to 40 characters")
        .hasMessageContaining("start '26/09/2026 15:00' is not a date and time");
  }

  @Test
  void aMeetingIdThatIsNotZoomsNumberOrATimeTheClocksSkipIsRefused() {
    EventController.EventJson slash = new EventController.EventJson(
        "Panel", "Europe/Zurich", "2026-09-26T15:00", "2026-09-26T16:30", "abc/def", List.of("en"), "MPs",
        "2026-09-15T23:59", "Martin Chungong", "Secretary General", java.util.Map.of());
    assertThatThrownBy(() -> EventController.validate("PANEL-2026", slash, NOW))
        .hasMessageContaining("meetingId must be the meeting's number as Zoom shows it");
    EventController.EventJson spaced = new EventController.EventJson(
        "Panel", "Europe/Zurich", "2026-09-26T15:00", "2026-09-26T16:30", "857 4635 2411", List.of("en"), "MPs",
        "2026-09-15T23:59", "Martin Chungong", "Secretary General", java.util.Map.of());
    assertThat(EventController.validate("PANEL-2026", spaced, NOW).meetingId()).isEqualTo("85746352411");
    assertThatThrownBy(() -> EventController.validate(
            "PANEL-2026", panel("2026-03-29T02:30", "2026-03-29T04:00", "2026-03-15T23:59", "Europe/Zurich"), NOW))
        .hasMessageContaining("start 2026-03-29T02:30 does not exist in Europe/Zurich");
  }
}
