package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LetterDatesTest {

  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
  private static final Locale EN = Locale.ENGLISH;
  private static final Locale FR = Locale.FRENCH;
  private static final Locale ES = Locale.forLanguageTag("es");

  private static ZonedDateTime zurich(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), ZURICH);
  }

  private final ZonedDateTime start = zurich(2023, 9, 26, 15, 0);
  private final ZonedDateTime end = zurich(2023, 9, 26, 16, 30);

  @Test
  void eventTimeInEachLanguageWithTheEventZoneAbbreviation() {
    assertThat(LetterDates.eventTime(start, end, EN)).isEqualTo("26 September 2023, 15:00–16:30 CEST");
    assertThat(LetterDates.eventTime(start, end, FR))
        .isEqualTo("26 septembre 2023, 15 h 00 – 16 h 30 CEST");
    assertThat(LetterDates.eventTime(start, end, ES))
        .isEqualTo("26 de septiembre de 2023, 15:00–16:30 CEST");
  }

  @Test
  void winterTimeIsCet() {
    assertThat(LetterDates.eventTime(zurich(2023, 11, 7, 15, 0), zurich(2023, 11, 7, 16, 30), EN))
        .isEqualTo("7 November 2023, 15:00–16:30 CET");
    // the last day of summer time and the first day of winter time
    assertThat(LetterDates.eventTime(zurich(2023, 10, 28, 15, 0), zurich(2023, 10, 28, 16, 30), EN))
        .endsWith("CEST");
    assertThat(LetterDates.eventTime(zurich(2023, 10, 29, 15, 0), zurich(2023, 10, 29, 16, 30), EN))
        .endsWith("CET");
    assertThat(LetterDates.eventTime(zurich(2024, 3, 31, 15, 0), zurich(2024, 3, 31, 16, 30), EN))
        .isEqualTo("31 March 2024, 15:00–16:30 CEST");
  }

  @Test
  void eventThroughTheNightOfTheClockChangeLabelsBothTimes() {
    ZonedDateTime before = ZonedDateTime.ofInstant(Instant.parse("2023-10-28T23:30:00Z"), ZURICH);
    ZonedDateTime after = ZonedDateTime.ofInstant(Instant.parse("2023-10-29T02:30:00Z"), ZURICH);
    // 01:30 CEST (UTC+2) to 03:30 CET (UTC+1), the same night
    assertThat(LetterDates.eventTime(before, after, EN))
        .isEqualTo("29 October 2023, 01:30 CEST – 03:30 CET");
  }

  @Test
  void aucklandIsOnTheNextDay() {
    ZoneId auckland = ZoneId.of("Pacific/Auckland");
    // New Zealand standard time (UTC+12) a week before its clocks go forward on 24 September 2023
    assertThat(LetterDates.timeIn(auckland, zurich(2023, 9, 19, 15, 0), zurich(2023, 9, 19, 16, 30), EN))
        .isEqualTo("20 September 2023, 01:00–02:30 UTC+12:00 (Pacific/Auckland)");
    // on 26 September New Zealand is already on summer time (UTC+13)
    assertThat(LetterDates.timeIn(auckland, start, end, EN))
        .isEqualTo("27 September 2023, 02:00–03:30 UTC+13:00 (Pacific/Auckland)");
    assertThat(LetterDates.timeIn(auckland, start, end, FR))
        .isEqualTo("27 septembre 2023, 02 h 00 – 03 h 30 UTC+13:00 (Pacific/Auckland)");
  }

  @Test
  void westOfGreenwichUsesATrueMinusSign() {
    assertThat(LetterDates.timeIn(ZoneId.of("America/Argentina/Buenos_Aires"), start, end, ES))
        .isEqualTo(
            "26 de septiembre de 2023, 10:00–11:30 UTC\u221203:00 (America/Argentina/Buenos_Aires)");
  }

  @Test
  void eventOverMidnightInTheReadersZoneShowsBothDates() {
    ZonedDateTime lateStart = zurich(2023, 9, 26, 17, 0);
    ZonedDateTime lateEnd = zurich(2023, 9, 26, 18, 30);
    assertThat(LetterDates.timeIn(ZoneId.of("Asia/Shanghai"), lateStart, lateEnd, EN))
        .isEqualTo("26 September 2023, 23:00 – 27 September 2023, 00:30 UTC+08:00 (Asia/Shanghai)");
    assertThat(LetterDates.timeIn(ZoneId.of("Asia/Shanghai"), lateStart, lateEnd, ES))
        .isEqualTo(
            "26 de septiembre de 2023, 23:00 – 27 de septiembre de 2023, 00:30 UTC+08:00"
                + " (Asia/Shanghai)");
  }

  @Test
  void utcOffsetZero() {
    assertThat(LetterDates.utcOffset(ZoneOffset.UTC)).isEqualTo("UTC+00:00");
    assertThat(LetterDates.timeIn(ZoneId.of("Africa/Dakar"), start, end, FR))
        .isEqualTo("26 septembre 2023, 13 h 00 – 14 h 30 UTC+00:00 (Africa/Dakar)");
  }

  @Test
  void datesWithLocalizedMonthsAndTheFrenchFirst() {
    LocalDate first = LocalDate.of(2023, 10, 1);
    assertThat(LetterDates.date(first, EN)).isEqualTo("1 October 2023");
    assertThat(LetterDates.date(first, FR)).isEqualTo("1er octobre 2023");
    assertThat(LetterDates.date(first, ES)).isEqualTo("1 de octubre de 2023");
    assertThat(LetterDates.date(LocalDate.of(2023, 8, 17), FR)).isEqualTo("17 août 2023");
    assertThat(LetterDates.date(LocalDate.of(2024, 2, 2), ES)).isEqualTo("2 de febrero de 2024");
  }

  @Test
  void aDeadlineIsDatedInTheReadersZone() {
    Instant deadline = Instant.parse("2023-09-15T17:00:00Z");
    assertThat(LetterDates.date(deadline, ZURICH, EN)).isEqualTo("15 September 2023");
    assertThat(LetterDates.date(deadline, ZoneId.of("Pacific/Auckland"), EN))
        .isEqualTo("16 September 2023");
  }

  @Test
  void sameClockTimeOnlyWhenTheOffsetsMatchThroughoutTheEvent() {
    assertThat(LetterDates.sameClockTime(ZURICH, start, end)).isTrue();
    assertThat(LetterDates.sameClockTime(ZoneId.of("Europe/Paris"), start, end)).isTrue();
    assertThat(LetterDates.sameClockTime(ZoneId.of("Europe/London"), start, end)).isFalse();
    assertThat(LetterDates.sameClockTime(ZoneId.of("Pacific/Auckland"), start, end)).isFalse();
  }

  @Test
  void otherLocalesReadAsEnglish() {
    assertThat(LetterDates.eventTime(start, end, Locale.GERMAN))
        .isEqualTo("26 September 2023, 15:00–16:30 CEST");
  }
}
