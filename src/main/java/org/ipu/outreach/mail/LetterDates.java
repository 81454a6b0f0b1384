package org.ipu.outreach.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * How dates and times read in the letters, per letter language (English, French, Spanish; any other
 * locale reads as English).
 *
 * <ul>
 *   <li>dates: "26 September 2023", "26 septembre 2023" ("1er octobre 2023"), "26 de septiembre de
 *       2023";
 *   <li>the event's own time: "26 September 2023, 15:00–16:30 CEST" / "26 septembre 2023, 15 h 00 –
 *       16 h 30 CEST" / "26 de septiembre de 2023, 15:00–16:30 CEST", labelled with the English short
 *       name of the event's zone;
 *   <li>the same moment in another zone: "27 September 2023, 01:00–02:30 UTC+13:00
 *       (Pacific/Auckland)", labelled with the UTC offset and the zone id, which cannot be mistaken.
 * </ul>
 *
 * When the end falls on another day than the start in the zone shown, both dates are written ("26
 * September 2023, 23:00 – 27 September 2023, 00:30 ..."); when the offset changes during the event,
 * each time carries its own label.
 */
public final class LetterDates {

  private static final char MINUS_SIGN = '\u2212';
  private static final DateTimeFormatter SHORT_ZONE_NAME =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private LetterDates() {}

  /** The calendar date of {@code instant} in {@code zone}, e.g. "26 September 2023". */
  public static String date(Instant instant, ZoneId zone, Locale locale) {
    return date(instant.atZone(zone).toLocalDate(), locale);
  }

  /** A calendar date, e.g. "26 September 2023", "1er octobre 2023", "26 de septiembre de 2023". */
  public static String date(LocalDate date, Locale locale) {
    return Style.of(locale).date(date).format(date);
  }

  /** The event in its own time zone, e.g. "26 September 2023, 15:00–16:30 CEST". */
  public static String eventTime(ZonedDateTime start, ZonedDateTime end, Locale locale) {
    ZonedDateTime endInStartZone = end.withZoneSameInstant(start.getZone());
    return range(start, endInStartZone, Style.of(locale), LetterDates::shortZoneName);
  }

  /**
   * The event in another time zone, e.g. "27 September 2023, 01:00–02:30 UTC+13:00
   * (Pacific/Auckland)".
   */
  public static String timeIn(ZoneId zone, ZonedDateTime start, ZonedDateTime end, Locale locale) {
    return range(
        start.withZoneSameInstant(zone),
        end.withZoneSameInstant(zone),
        Style.of(locale),
        LetterDates::offsetAndZoneId);
  }

  /**
   * True when clocks in {@code zone} show the same times as in the event's zone throughout the event,
   * so that giving the time "in your time zone" as well would tell the reader nothing new.
   */
  public static boolean sameClockTime(ZoneId zone, ZonedDateTime start, ZonedDateTime end) {
    ZoneId eventZone = start.getZone();
    for (Instant at : new Instant[] {start.toInstant(), end.toInstant()}) {
      if (!zone.getRules().getOffset(at).equals(eventZone.getRules().getOffset(at))) {
        return false;
      }
    }
    return true;
  }

  /** "CEST", "CET": the English short name of the zone at that moment. */
  public static String shortZoneName(ZonedDateTime at) {
    return SHORT_ZONE_NAME.format(at);
  }

  /** "UTC+13:00 (Pacific/Auckland)", "UTC−03:00 (America/Argentina/Buenos_Aires)". */
  public static String offsetAndZoneId(ZonedDateTime at) {
    return utcOffset(at.getOffset()) + " (" + at.getZone().getId() + ")";
  }

  /** "UTC+02:00", "UTC−03:00" (with a true minus sign), "UTC+00:00". */
  public static String utcOffset(ZoneOffset offset) {
    String id = offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
    return "UTC" + id.replace('-', MINUS_SIGN);
  }

  private static String range(
      ZonedDateTime start,
      ZonedDateTime end,
      Style style,
      Function<ZonedDateTime, String> label) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    boolean sameDay = start.toLocalDate().equals(end.toLocalDate());
    String startLabel = label.apply(start);
    String endLabel = label.apply(end);
    boolean sameLabel = startLabel.equals(endLabel);

    StringBuilder text = new StringBuilder();
    text.append(style.dateTime(start));
    if (!sameLabel) {
      text.append(' ').append(startLabel);
    }
    text.append(sameDay && sameLabel ? style.timeDash : " – ");
    text.append(sameDay ? style.time.format(end) : style.dateTime(end));
    text.append(' ').append(endLabel);
    return text.toString();
  }

  /** Per-language patterns. */
  private enum Style {
    ENGLISH(Locale.ENGLISH, "d MMMM uuuu", "d MMMM uuuu", "HH:mm", "–"),
    FRENCH(Locale.FRENCH, "d MMMM uuuu", "d'er' MMMM uuuu", "HH' h 'mm", " – "),
    SPANISH(
        Locale.forLanguageTag("es"), "d 'de' MMMM 'de' uuuu", "d 'de' MMMM 'de' uuuu", "HH:mm", "–");

    private final DateTimeFormatter date;
    private final DateTimeFormatter firstOfMonth;
    private final DateTimeFormatter time;
    private final String timeDash;

    Style(Locale locale, String date, String firstOfMonth, String time, String timeDash) {
      this.date = DateTimeFormatter.ofPattern(date, locale);
      this.firstOfMonth = DateTimeFormatter.ofPattern(firstOfMonth, locale);
      this.time = DateTimeFormatter.ofPattern(time, locale);
      this.timeDash = timeDash;
    }

    static Style of(Locale locale) {
      String language = locale == null ? "" : locale.getLanguage();
      switch (language) {
        case "fr":
          return FRENCH;
        case "es":
          return SPANISH;
        default:
          return ENGLISH;
      }
    }

    DateTimeFormatter date(LocalDate day) {
      return day.getDayOfMonth() == 1 ? firstOfMonth : date;
    }

    String dateTime(ZonedDateTime at) {
      return date(at.toLocalDate()).format(at) + ", " + time.format(at);
    }
  }
}
