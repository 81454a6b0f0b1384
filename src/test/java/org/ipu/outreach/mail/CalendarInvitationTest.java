package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.representative.Representative;
import org.junit.jupiter.api.Test;

class CalendarInvitationTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2023-09-20T10:15:30Z"), ZoneOffset.UTC);
  private final CalendarInvitation invitation =
      new CalendarInvitation(CLOCK, "Inter-Parliamentary Union", "postbox@ipu.example.org");
  private final OutreachEvent event = MailSamples.event();
  private final Representative ana = MailSamples.representative("Ana Pérez");

  private static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  private static String value(Component component, String property) {
    return component.getProperty(property).map(p -> ((Property) p).getValue()).orElseThrow();
  }

  @Test
  void parsesBackWithAllFields() throws Exception {
    String description = "Online panel discussion.\n\nYour personal link to join: " + MailSamples.JOIN_URL;
    Calendar calendar = parse(invitation.ics(event, ana, description, 0, false));

    assertThat(calendar.getProperty(Property.METHOD).map(p -> ((Property) p).getValue()))
        .contains("REQUEST");
    assertThat(calendar.getProperty(Property.VERSION).map(p -> ((Property) p).getValue()))
        .contains("2.0");
    assertThat(calendar.getComponents(Component.VEVENT)).hasSize(1);
    VEvent vevent = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();

    assertThat(value(vevent, Property.UID)).isEqualTo("2023-09-solidarity-42@outreach.ipu.org");
    // 15:00–16:30 CEST is 13:00–14:30 UTC
    assertThat(value(vevent, Property.DTSTART)).isEqualTo("20230926T130000Z");
    assertThat(value(vevent, Property.DTEND)).isEqualTo("20230926T143000Z");
    assertThat(value(vevent, Property.DTSTAMP)).isEqualTo("20230920T101530Z");
    assertThat(value(vevent, Property.SUMMARY)).isEqualTo(MailSamples.TITLE);
    assertThat(value(vevent, Property.DESCRIPTION)).isEqualTo(description);
    assertThat(value(vevent, Property.URL)).isEqualTo(MailSamples.JOIN_URL);
    assertThat(value(vevent, Property.LOCATION)).isEqualTo("Zoom");
    assertThat(value(vevent, Property.ORGANIZER)).isEqualTo("mailto:postbox@ipu.example.org");
    assertThat(value(vevent, Property.ATTENDEE)).isEqualTo("mailto:" + ana.email());
    assertThat(value(vevent, Property.SEQUENCE)).isEqualTo("0");
  }

  @Test
  void aChangeKeepsTheUidAndCountsItsSequenceAndACancellationCancels() throws Exception {
    VEvent first = parse(invitation.ics(event, ana, "d", 0, false)).<VEvent>getComponent(Component.VEVENT).orElseThrow();
    Calendar moved = parse(invitation.ics(event, ana, "d", 1, false));
    Calendar cancelled = parse(invitation.ics(event, ana, "d", 2, true));
    VEvent movedEvent = moved.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    VEvent cancelledEvent = cancelled.<VEvent>getComponent(Component.VEVENT).orElseThrow();

    assertThat(value(movedEvent, Property.UID)).isEqualTo(value(first, Property.UID));
    assertThat(value(movedEvent, Property.SEQUENCE)).isEqualTo("1");
    assertThat(value(cancelledEvent, Property.UID)).isEqualTo(value(first, Property.UID));
    assertThat(value(cancelledEvent, Property.SEQUENCE)).isEqualTo("2");
    assertThat(value(cancelledEvent, Property.STATUS)).isEqualTo("CANCELLED");
    assertThat(cancelled.getProperty(Property.METHOD).map(p -> ((Property) p).getValue())).contains("CANCEL");
    assertThat(invitation.attachment(event, ana, "d", 2, true).contentType())
        .isEqualTo("text/calendar; charset=UTF-8; method=CANCEL");
  }

  @Test
  void isWrittenWithCrlfAndFoldedLines() {
    String ics = invitation.ics(event, ana, "x".repeat(200), 0, false);
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
  }

  @Test
  void uidIsStablePerEventAndRepresentative() throws Exception {
    String first = value(parse(invitation.ics(event, ana, "a", 0, false)).getComponent(Component.VEVENT).orElseThrow(), Property.UID);
    String again = value(parse(invitation.ics(event, ana, "b", 0, false)).getComponent(Component.VEVENT).orElseThrow(), Property.UID);
    Representative other = withId(ana, 43L);
    assertThat(again).isEqualTo(first);
    assertThat(CalendarInvitation.uid(event, other)).isNotEqualTo(first);
  }

  @Test
  void attachmentCarriesFileNameAndContentType() {
    ComposedMail.Attachment attachment = invitation.attachment(event, ana, "description", 0, false);
    assertThat(attachment.fileName()).isEqualTo("invitation.ics");
    assertThat(attachment.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
    assertThat(attachment.content()).contains("BEGIN:VEVENT");
  }

  @Test
  void refusesARepresentativeWithoutJoinLink() {
    Representative noLink =
        new Representative(
            ana.id(), ana.campaignId(), ana.inviteeCode(), ana.fullName(), ana.functionTitle(),
            ana.role(), ana.committees(), ana.email(), ana.interpretationLanguage(), ana.status(),
            ana.registrantId(), null, null, null);
    assertThatThrownBy(() -> invitation.ics(event, noLink, "d", 0, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Representative withId(Representative r, long id) {
    return new Representative(
        id, r.campaignId(), r.inviteeCode(), r.fullName(), r.functionTitle(), r.role(),
        r.committees(), r.email(), r.interpretationLanguage(), r.status(), r.registrantId(),
        r.joinUrl(), r.attended(), r.attendedMinutes());
  }
}
