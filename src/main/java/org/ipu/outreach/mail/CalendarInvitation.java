package org.ipu.outreach.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.representative.Representative;

/**
 * The .ics attached to a registration confirmation and to the letters announcing a change of the event:
 * one VEVENT (iTIP METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED when the event is cancelled)
 * with start and end in UTC, ORGANIZER the IPU mailbox, ATTENDEE the representative, the event title as
 * SUMMARY, the representative's personal join link as URL and in the DESCRIPTION, LOCATION "Zoom", a UID
 * derived from the event code and the representative id, and SEQUENCE the event's schedule sequence
 * (0 as announced, +1 per change): a calendar updates or removes the entry it has instead of adding one.
 */
public final class CalendarInvitation {

  public static final String FILE_NAME = "invitation.ics";
  static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=";
  static final String PRODUCT_ID = "-//Inter-Parliamentary Union//Event outreach//EN";
  static final String UID_DOMAIN = "outreach.ipu.org";
  static final String LOCATION = "Zoom";

  private final Clock clock;
  private final String organizerName;
  private final String organizerEmail;

  /**
   * @param organizerName shown as the organizer (CN), may be null
   * @param organizerEmail the organizer's address (ORGANIZER, which iTIP requires for PUBLISH)
   */
  public CalendarInvitation(Clock clock, String organizerName, String organizerEmail) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.organizerName = organizerName == null || organizerName.isBlank() ? null : organizerName;
    this.organizerEmail = Objects.requireNonNull(organizerEmail, "organizerEmail").trim();
  }

  /** The attachment for {@link ComposedMail}; {@code description} is the letter-language text. */
  public ComposedMail.Attachment attachment(
      OutreachEvent event, Representative representative, String description, int sequence, boolean cancelled) {
    return new ComposedMail.Attachment(
        FILE_NAME, CONTENT_TYPE + (cancelled ? "CANCEL" : "REQUEST"),
        ics(event, representative, description, sequence, cancelled));
  }

  /** The iCalendar text (CRLF line ends, long lines folded). */
  public String ics(
      OutreachEvent event, Representative representative, String description, int sequence, boolean cancelled) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(representative, "representative");
    String joinUrl = representative.joinUrl();
    if (joinUrl == null || joinUrl.isBlank()) {
      throw new IllegalArgumentException(
          "Representative " + representative.id() + " has no join link for the calendar invitation");
    }

    VEvent vevent =
        new VEvent(event.start().toInstant(), event.end().toInstant(), event.title())
            .replace(new DtStamp(clock.instant()))
            .add(new Uid(uid(event, representative)))
            .add(organizer())
            .add(new Location(LOCATION))
            .add(new Url(URI.create(joinUrl.trim())))
            .add(new Description(description))
            .add(attendee(representative))
            .add(new Sequence(sequence));
    if (cancelled) {
      vevent.add(ImmutableStatus.VEVENT_CANCELLED);
    }

    Calendar calendar =
        new Calendar()
            .add(new ProdId(PRODUCT_ID))
            .add(ImmutableVersion.VERSION_2_0)
            .add(ImmutableCalScale.GREGORIAN)
            .add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    calendar.add(vevent);

    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(true).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException("Invalid calendar invitation: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static Attendee attendee(Representative representative) {
    try {
      URI address = new URI("mailto", representative.email().trim(), null);
      ParameterList parameters = new ParameterList(List.of(new Cn(representative.fullName())));
      return new Attendee(parameters, address);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Bad attendee address of representative " + representative.id(), e);
    }
  }

  private Organizer organizer() {
    URI address;
    try {
      address = new URI("mailto", organizerEmail, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Bad organizer address: " + organizerEmail, e);
    }
    ParameterList parameters =
        organizerName == null ? new ParameterList() : new ParameterList(List.of(new Cn(organizerName)));
    return new Organizer(parameters, address);
  }

  /** Stable per event and representative, e.g. "ipu-2023-09-solidarity-42@outreach.ipu.org". */
  public static String uid(OutreachEvent event, Representative representative) {
    Objects.requireNonNull(event.code(), "event code");
    Objects.requireNonNull(representative.id(), "representative id");
    String code = event.code().trim().replaceAll("[^A-Za-z0-9._-]", "_");
    return code + "-" + representative.id() + "@" + UID_DOMAIN;
  }
}
