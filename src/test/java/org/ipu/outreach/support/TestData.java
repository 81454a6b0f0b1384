package org.ipu.outreach.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.ipu.outreach.directory.GeopoliticalGroup;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.directory.InviteeKind;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.OutreachEvent;

/** A small directory and events scheduled relative to the tests' fixed clock. */
public final class TestData {

  /** The tests' "now": Monday 2 March 2026, 09:00 in Geneva. */
  public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  public static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");
  /** The event: 1 April 2026, 15:00-16:30 CEST (summer time has begun by then). */
  public static final ZonedDateTime EVENT_START = LocalDateTime.of(2026, 4, 1, 15, 0).atZone(GENEVA);
  public static final ZonedDateTime EVENT_END = EVENT_START.plusMinutes(90);
  /** Reply deadline: Monday 16 March 2026, 23:59 in Geneva. */
  public static final Instant REPLY_DEADLINE = LocalDateTime.of(2026, 3, 16, 23, 59).atZone(GENEVA).toInstant();

  private static final AtomicInteger EVENTS = new AtomicInteger();

  private TestData() {}

  public static final Invitee UN =
      invitee("UN", "United Nations", "United States", InviteeKind.PERMANENT_OBSERVER,
          EnumSet.of(GeopoliticalGroup.TWELVE_PLUS), Language.EN, "Dear Madam President,", "America/New_York");
  public static final Invitee UG =
      invitee("UG", "Parliament of Uganda", "Uganda", InviteeKind.MEMBER,
          EnumSet.of(GeopoliticalGroup.AFRICAN), Language.EN, "Dear Mr. President,", "Africa/Kampala");
  public static final Invitee BF =
      invitee("BF", "Assemblée législative de transition du Burkina Faso", "Burkina Faso", InviteeKind.MEMBER,
          EnumSet.of(GeopoliticalGroup.AFRICAN), Language.FR, "Monsieur le Président,", "Africa/Ouagadougou");
  public static final Invitee AR =
      invitee("AR", "Congreso de la Nación Argentina", "Argentina", InviteeKind.MEMBER,
          EnumSet.of(GeopoliticalGroup.GRULAC), Language.ES, "Señora Presidenta:", "America/Argentina/Buenos_Aires");
  public static final Invitee EALA =
      invitee("EALA", "East African Legislative Assembly", "Tanzania", InviteeKind.ASSOCIATE_MEMBER,
          EnumSet.of(GeopoliticalGroup.AFRICAN), Language.EN, "Dear Mr. Speaker,", "Africa/Dar_es_Salaam");

  public static final List<Invitee> DIRECTORY = List.of(UN, UG, BF, AR, EALA);

  public static OutreachEvent newEvent() {
    return new OutreachEvent(
        "TEST-EVENT-" + EVENTS.incrementAndGet(),
        "Parliamentary solidarity: Supporting MPs under threat",
        EVENT_START,
        EVENT_END,
        "85746352411",
        List.of(Language.EN, Language.FR, Language.ES),
        "MPs and parliamentary staff from IPU Member Parliaments.",
        REPLY_DEADLINE,
        "Martin Chungong",
        "Secretary General");
  }

  private static Invitee invitee(
      String code, String name, String country, InviteeKind kind, Set<GeopoliticalGroup> groups, Language language,
      String salutation, String zone) {
    String domain = code.toLowerCase() + ".parliament.example";
    return new Invitee(
        code, name, country, kind, groups, language, "President of " + code, salutation,
        "president@" + domain, "secretary@" + domain, ZoneId.of(zone));
  }
}
