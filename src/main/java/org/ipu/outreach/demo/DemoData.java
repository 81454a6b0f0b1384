package org.ipu.outreach.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.directory.DirectoryCsvImporter;
import org.ipu.outreach.directory.InviteeRepository;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.task.TaskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo profile (the default run): the seed letter's event, once as it was (2023, in the past, so
 * that the refusal can be seen) and once scheduled from now; the demo directory; and the demo users.
 */
@Component
@Profile("demo")
public class DemoData {

  public static final String SEED_EVENT = "IPU-2023-SOLIDARITY";
  public static final String DEMO_EVENT = "IPU-DEMO-SOLIDARITY";
  static final String TITLE = "Parliamentary solidarity: Supporting MPs under threat";
  static final String AUDIENCE =
      "MPs and parliamentary staff from IPU Member Parliaments, and representatives of Associate Members and"
          + " Permanent Observers. Members of parliamentary committees working on human rights and/or in"
          + " foreign affairs-related areas are particularly welcome.";
  static final Map<Language, OutreachEvent.Translation> TRANSLATIONS =
      Map.of(
          Language.FR,
          new OutreachEvent.Translation(
              "La solidarité parlementaire : soutenir les parlementaires menacés",
              "Les parlementaires et le personnel parlementaire des Parlements membres de l’UIP, ainsi que les"
                  + " représentants des Membres associés et des Observateurs permanents. Les membres des"
                  + " commissions parlementaires chargées des droits de l’homme ou des affaires étrangères sont"
                  + " particulièrement bienvenus."),
          Language.ES,
          new OutreachEvent.Translation(
              "La solidaridad parlamentaria: apoyar a los parlamentarios amenazados",
              "Los parlamentarios y el personal parlamentario de los Parlamentos Miembros de la UIP, así como"
                  + " los representantes de los Miembros Asociados y de los Observadores Permanentes. Los"
                  + " miembros de comisiones parlamentarias que se ocupan de los derechos humanos o de asuntos"
                  + " exteriores son especialmente bienvenidos."));
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

  private final EventRepository events;
  private final CampaignRepository campaigns;
  private final InviteeRepository invitees;
  private final DirectoryCsvImporter importer;
  private final IdentityService identity;
  private final TaskProperties tasks;
  private final DemoProperties demo;
  private final Environment environment;

  public DemoData(
      EventRepository events,
      CampaignRepository campaigns,
      InviteeRepository invitees,
      DirectoryCsvImporter importer,
      IdentityService identity,
      TaskProperties tasks,
      DemoProperties demo,
      Environment environment) {
    this.events = events;
    this.campaigns = campaigns;
    this.invitees = invitees;
    this.importer = importer;
    this.identity = identity;
    this.tasks = tasks;
    this.demo = demo;
    this.environment = environment;
  }

  @EventListener
  @Order(10) // after the groups exist (IdentitySetup)
  public void onDeployed(ApplicationReadyEvent event) throws IOException {
    events.save(seedEvent());
    // a demo event that has a campaign keeps its times: moving it is a change its letters must announce
    if (!campaigns.hasCampaignBeyondCancellation(DEMO_EVENT)) {
      events.save(demoEvent(Instant.now()));
    }
    if (invitees.count() == 0) {
      try (InputStream csv = new ClassPathResource("demo/directory.csv").getInputStream()) {
        importer.importCsv(csv);
      }
    }
    user("staff", "Sam", "Staff", tasks.staffGroup());
    user("manager", "Maria", "Manager", tasks.managerGroup());
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    log.info(
        """

        ==========================================================================
         Event outreach demo is running.
           Tasklist:  http://localhost:{}/camunda/app/tasklist/   (start "Invitation campaign")
           Cockpit:   http://localhost:{}/camunda/app/cockpit/
           Staff start page: http://localhost:{}/app   (campaigns, mail sent, meeting simulator)
           Mail sent: http://localhost:{}/app/mails
           Meeting simulator: http://localhost:{}/app/simulator
         Users (demo profile only): demo/demo (admin), staff/staff (secretariat), manager/manager (managers)
         Demo event code: {} (starts {}); the seed's own event {} is in the past.
        ==========================================================================""",
        port, port, port, port, port, DEMO_EVENT,
        events.find(DEMO_EVENT).orElseThrow().start(), SEED_EVENT);
  }

  static OutreachEvent seedEvent() {
    ZonedDateTime start = LocalDateTime.of(2023, 9, 26, 15, 0).atZone(GENEVA);
    return new OutreachEvent(
        SEED_EVENT, TITLE, start, start.plusMinutes(90), "85746352411",
        List.of(Language.EN, Language.FR, Language.ES), AUDIENCE,
        LocalDateTime.of(2023, 9, 15, 23, 59).atZone(GENEVA).toInstant(), "Martin Chungong", "Secretary General",
        TRANSLATIONS);
  }

  OutreachEvent demoEvent(Instant now) {
    ZonedDateTime start = now.plus(demo.startsIn()).atZone(GENEVA).truncatedTo(ChronoUnit.MINUTES);
    return new OutreachEvent(
        DEMO_EVENT, TITLE, start, start.plus(demo.duration()), "85746352411",
        List.of(Language.EN, Language.FR, Language.ES), AUDIENCE,
        now.plus(demo.replyWithin()).truncatedTo(ChronoUnit.MINUTES), "Martin Chungong", "Secretary General",
        TRANSLATIONS);
  }

  private void user(String id, String first, String last, String group) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User u = identity.newUser(id);
    u.setFirstName(first);
    u.setLastName(last);
    u.setPassword(id);
    u.setEmail(id + "@ipu.example.org");
    identity.saveUser(u);
    identity.createMembership(id, group);
  }
}
