package org.ipu.outreach.benchmark;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.directory.GeopoliticalGroup;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.directory.InviteeKind;
import org.ipu.outreach.directory.InviteeRepository;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.mail.OutboxSender;
import org.ipu.outreach.meeting.RegistrationBatcher;
import org.ipu.outreach.meeting.zoom.BenchmarkZoom;
import org.ipu.outreach.reply.Reply;
import org.ipu.outreach.reply.ReplyChannel;
import org.ipu.outreach.reply.ReplyService;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRole;
import org.ipu.outreach.support.RecordingSmtpServer;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign benchmark: N invitees through the whole lifecycle (invitation, one reminder, reply with
 * one nominee, confirmation, registration on a local Zoom, joining reminder, attendance, end), then the
 * same N through the bare-engine floor ({@link FloorModel}) in the same application and database, and
 * the raw throughput of the same SMTP server. Each size gets a fresh application and database.
 *
 * <p>The benchmark drives the engine itself on one thread (job executor off, engine clock moved), as the
 * process tests do: wall times are those of one thread executing every job in turn, not of the job
 * executor's pool. What it counts (statements, round trips, mails, calls, rows) does not depend on that.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@Import(CampaignBenchmark.Counting.class)
public abstract class CampaignBenchmark {

  static final String INVITATION = "invitation";
  static final String REMINDER = "reminder";
  static final String REPLY_CONFIRM = "reply+confirm";
  static final String REGISTRATION = "registration";
  static final String ATTENDANCE = "attendance";
  static final List<String> PHASES = List.of(INVITATION, REMINDER, REPLY_CONFIRM, REGISTRATION, ATTENDANCE);

  static final RecordingSmtpServer SMTP = RecordingSmtpServer.countingOnly();
  static final BenchmarkZoom ZOOM = new BenchmarkZoom();
  /** Number of the current size's run: PostgreSQL runs get a database of their own per size. */
  static final AtomicInteger RUN = new AtomicInteger(1);
  static final AtomicInteger MEETINGS = new AtomicInteger();

  @DynamicPropertySource
  static void benchmarkWorld(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SMTP::port);
    registry.add("outreach.zoom.account-id", () -> "acc-1");
    registry.add("outreach.zoom.client-id", () -> "client-1");
    registry.add("outreach.zoom.client-secret", () -> "client-secret");
    registry.add("outreach.zoom.webhook-secret-token", () -> "webhook-secret");
    registry.add("outreach.zoom.oauth-base-url", ZOOM::baseUrl);
    registry.add("outreach.zoom.api-base-url", ZOOM::baseUrl);
    registry.add("outreach.zoom.requests-per-second", () -> "1000");
    // the process-test coverage plugin puts an execution listener on every element of both models and
    // keeps its state per test class, not per context: not part of what is measured
    registry.add("spring.autoconfigure.exclude",
        () -> "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration");
    // the product's default (the test profile makes it 2 to exercise the loop)
    registry.add("outreach.campaign.launch-batch-size", () -> "100");
  }

  /** Counts every statement the application sends, through a proxy around its DataSource. */
  @TestConfiguration
  static class Counting {
    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(ds).name("benchmark").listener(new StatementCounter()).build();
          }
          return bean;
        }
      };
    }

    @Bean(FloorModel.BEAN)
    FloorModel.Beans benchmarkFloor() {
      return new FloorModel.Beans();
    }
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired EventRepository events;
  @Autowired InviteeRepository invitees;
  @Autowired OutboxSender outboxSender;
  @Autowired ReplyService replies;
  @Autowired RegistrationBatcher registrations;
  @Autowired org.springframework.mail.javamail.JavaMailSenderImpl mailSender;

  /** "h2" or "postgresql", as written in the results. */
  protected abstract String database();

  /** Sizes from -Dbenchmark.sizes (comma-separated), else the given default. */
  static Stream<Integer> sizes(String fallback) {
    return Stream.of(System.getProperty("benchmark.sizes", fallback).split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).map(Integer::valueOf);
  }

  @AfterEach
  void nextRun() {
    ClockUtil.reset();
    RUN.incrementAndGet();
  }

  /**
   * Ours, then the floor, for n invitees; both written to target/benchmark/results.csv. Both run once
   * before with -Dbenchmark.warmup invitees (default 50; 0: none) of another kind, for another event, and
   * that run is not recorded: otherwise ours, which runs first, would pay for compiling the engine's code
   * paths that the floor then finds compiled.
   */
  protected List<BenchmarkResult> measure(int n) throws Exception {
    return measure(n, Integer.getInteger("benchmark.warmup", 50));
  }

  protected List<BenchmarkResult> measure(int n, int warmup) throws Exception {
    StatementCounter.countOn(Thread.currentThread());
    repository.createDeployment().name("benchmark floor")
        .addString("floor-invitation.bpmn", FloorModel.floorXml()).deploy();
    if (warmup > 0) {
      lifecycle(warmup, InviteeKind.PERMANENT_OBSERVER);
    }
    List<BenchmarkResult> results = lifecycle(n, InviteeKind.MEMBER);
    BenchmarkReport.append(results);
    BenchmarkReport.print(results);
    BenchmarkReport.chart();
    return results;
  }

  /** Ours, then the floor, for n new invitees of the given kind and a new event. */
  private List<BenchmarkResult> lifecycle(int n, InviteeKind kind) throws Exception {
    ClockUtil.setCurrentTime(Date.from(TestData.T0));
    List<Invitee> directory = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      directory.add(invitee(kind, i));
    }
    invitees.saveAll(directory);
    OutreachEvent e = TestData.newEvent();
    // a meeting of its own: the Zoom adapter shares a meeting's participants report for a while
    OutreachEvent event = new OutreachEvent(e.code(), e.title(), e.start(), e.end(),
        String.valueOf(85746350000L + MEETINGS.incrementAndGet()), e.interpretationLanguages(), e.audienceNote(),
        e.replyDeadline(), e.signatoryName(), e.signatoryTitle());
    events.save(event);
    ZOOM.meeting(event.meetingId());
    BenchmarkResult ours = ours(n, event, kind, directory);
    BenchmarkResult floor = floor(n, directory);
    return List.of(ours, floor);
  }

  // ---- ours -------------------------------------------------------------------------------------------

  private BenchmarkResult ours(int n, OutreachEvent event, InviteeKind kind, List<Invitee> directory) throws Exception {
    Map<String, BenchmarkResult.Phase> phases = BenchmarkResult.newPhases();
    Map<String, Long> rowsBefore = rowsByGroup();
    Map<String, Long> bytesBefore = bytesByGroup();
    int mailsBefore = SMTP.messages();
    int connectionsBefore = SMTP.connections();
    long smtpBytesBefore = SMTP.bytes();
    resetPeakHeap();
    long[] mailMillis = {0};
    int[] invitationMails = {0};

    phase(phases, INVITATION, () -> {
      ProcessInstance campaign = runtime.startProcessInstanceByKey(CampaignProcess.KEY, Map.of(
          CampaignProcess.Vars.EVENT_CODE, event.code(), CampaignProcess.Vars.INVITEE_SCOPE, "kinds",
          CampaignProcess.Vars.INVITEE_KINDS, kind.name()));
      Task review = StatementCounter.paused(() -> tasks.createTaskQuery().processInstanceId(campaign.getId()).singleResult());
      tasks.complete(review.getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
      runDueJobs();
      long t = System.nanoTime();
      invitationMails[0] = deliverAll();
      mailMillis[0] = (System.nanoTime() - t) / 1_000_000;
    });
    Map<String, Long> rowsInvited = rowsByGroup();
    long smtpBytesInvitation = SMTP.bytes() - smtpBytesBefore;

    phase(phases, REMINDER, () -> {
      ClockUtil.setCurrentTime(Date.from(TestData.T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1))));
      runDueJobs();
      deliverAll();
    });
    String campaignId = StatementCounter.paused(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(CampaignProcess.KEY).active().singleResult().getBusinessKey());
    phase(phases, REPLY_CONFIRM, () -> {
      for (Invitee invitee : directory) {
        replies.record(campaignId, invitee.code(), Reply.nominated(List.of(new Representative.Nomination(
            "Representative " + invitee.code(), "Member of Parliament", RepresentativeRole.MP, "Human rights",
            "rep-" + invitee.code().toLowerCase() + "@bench.example", Language.EN))), ReplyChannel.REPLY_PAGE, null);
      }
      completeConfirmTasks(InvitationProcess.KEY);
    });
    phase(phases, REGISTRATION, () -> {
      runDueJobs();
      registrations.registerDue();
      runDueJobs();
      deliverAll();
    });
    phase(phases, ATTENDANCE, () -> attendance());
    long peakHeap = peakHeap();

    long running = StatementCounter.paused(() -> runtime.createProcessInstanceQuery().count());
    if (running != 0) {
      throw new IllegalStateException(running + " process instances still running after the lifecycle");
    }
    int mails = SMTP.messages() - mailsBefore;
    int connections = SMTP.connections() - connectionsBefore;
    int rawCount = Math.min(Math.max(n, 200), 2000);
    int rawBytes = invitationMails[0] == 0 ? 10_000 : (int) (smtpBytesInvitation / invitationMails[0]);
    double raw = rawSmtpOfTheLetters(rawCount);
    double rawSimple = rawSmtpSimple(rawCount, rawBytes);
    return new BenchmarkResult(database(), n, BenchmarkResult.OURS, phases, mails, invitationMails[0], mailMillis[0],
        connections, raw, rawSimple, ZOOM.addCalls(), ZOOM.listPages(), ZOOM.reportCalls(), ZOOM.repeatedAdds(), peakHeap,
        sizes(rowsBefore, rowsInvited, rowsByGroup()), sizes(bytesBefore, null, bytesByGroup()));
  }

  // ---- the floor ------------------------------------------------------------------------------------

  private BenchmarkResult floor(int n, List<Invitee> directory) throws Exception {
    Map<String, BenchmarkResult.Phase> phases = BenchmarkResult.newPhases();
    ClockUtil.setCurrentTime(Date.from(TestData.T0));
    Map<String, Long> rowsBefore = rowsByGroup();
    Map<String, Long> bytesBefore = bytesByGroup();
    resetPeakHeap();
    Instant deadline = TestData.REPLY_DEADLINE;

    phase(phases, INVITATION, () -> {
      // as the campaign does: 100 starts per transaction
      for (int from = 0; from < n; from += 100) {
        List<Invitee> batch = directory.subList(from, Math.min(n, from + 100));
        transactions.executeWithoutResult(s -> batch.forEach(invitee ->
            runtime.startProcessInstanceByKey(FloorModel.KEY, "floor:" + invitee.code(), floorVariables(invitee, deadline))));
      }
      runDueJobs();
    });
    Map<String, Long> rowsInvited = rowsByGroup();
    phase(phases, REMINDER, () -> {
      ClockUtil.setCurrentTime(Date.from(TestData.T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1))));
      runDueJobs();
    });
    phase(phases, REPLY_CONFIRM, () -> {
      for (Invitee invitee : directory) {
        runtime.createMessageCorrelation(InvitationProcess.Messages.PARLIAMENT_REPLIED)
            .processInstanceBusinessKey("floor:" + invitee.code())
            .setVariable(InvitationProcess.Vars.REPLY, "nominated")
            .setVariable(InvitationProcess.Vars.NOMINEE_IDS, "1")
            .correlate();
      }
      completeConfirmTasks(FloorModel.KEY);
    });
    phase(phases, REGISTRATION, () -> {
      runDueJobs();
      for (Invitee invitee : directory) {
        runtime.createMessageCorrelation(InvitationProcess.Messages.REPRESENTATIVES_REGISTERED)
            .processInstanceBusinessKey("floor:" + invitee.code()).correlate();
      }
      runDueJobs();
    });
    phase(phases, ATTENDANCE, () -> attendance());
    long peakHeap = peakHeap();
    long running = StatementCounter.paused(() -> runtime.createProcessInstanceQuery().count());
    if (running != 0) {
      throw new IllegalStateException(running + " floor instances still running after the lifecycle");
    }
    return new BenchmarkResult(database(), n, BenchmarkResult.FLOOR, phases, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, peakHeap,
        sizes(rowsBefore, rowsInvited, rowsByGroup()), sizes(bytesBefore, null, bytesByGroup()));
  }

  /** What our delegates would have computed, known in advance (the dates are the product's defaults). */
  private static Map<String, Object> floorVariables(Invitee invitee, Instant deadline) {
    Map<String, Object> v = new HashMap<>();
    v.put(InvitationProcess.Vars.CAMPAIGN_ID, "floor");
    v.put(InvitationProcess.Vars.INVITEE_CODE, invitee.code());
    v.put(InvitationProcess.Vars.FIRST_REMINDER_AT, Date.from(TestData.T0.plus(Duration.ofDays(7))));
    v.put(InvitationProcess.Vars.DEADLINE_REMINDER_AT, Date.from(deadline.minus(Duration.ofDays(3))));
    v.put(InvitationProcess.Vars.REPLY_DUE_AT, Date.from(deadline));
    v.put(InvitationProcess.Vars.EVENT_STARTS_AT, Date.from(TestData.EVENT_START.toInstant()));
    v.put(InvitationProcess.Vars.JOINING_REMINDER_AT, Date.from(TestData.EVENT_START.toInstant().minus(Duration.ofDays(1))));
    v.put(InvitationProcess.Vars.JOINING_REMINDER_AHEAD, true);
    v.put(InvitationProcess.Vars.ATTENDANCE_DUE_AT, Date.from(TestData.EVENT_END.toInstant().plus(Duration.ofMinutes(30))));
    v.put(InvitationProcess.Vars.ANY_ATTENDED, false);
    v.put(InvitationProcess.Vars.UNMATCHED_TO_REVIEW, false);
    v.put("escalationDueAt", Date.from(TestData.T0.plus(Duration.ofDays(30))));
    v.put("floorAnyConfirmed", true);
    v.put("floorReplacementRequested", false);
    return v;
  }

  // ---- shared steps -----------------------------------------------------------------------------------

  /** Joining reminder the day before, then the end of the event: attendance, letters, end. */
  private void attendance() {
    ClockUtil.setCurrentTime(Date.from(TestData.EVENT_START.toInstant().minus(Duration.ofDays(1)).plus(Duration.ofMinutes(1))));
    runDueJobs();
    deliverAll();
    ClockUtil.setCurrentTime(Date.from(TestData.EVENT_END.toInstant().plus(Duration.ofMinutes(31))));
    runDueJobs();
    deliverAll();
  }

  private void completeConfirmTasks(String processKey) {
    while (true) {
      List<Task> open = StatementCounter.paused(() -> tasks.createTaskQuery().processDefinitionKey(processKey)
          .taskDefinitionKey(InvitationProcess.Elements.CONFIRM_REPRESENTATIVE).listPage(0, 500));
      if (open.isEmpty()) {
        return;
      }
      open.forEach(t -> tasks.complete(t.getId(), Map.of(InvitationProcess.Vars.CONFIRM_DECISION, "confirm")));
    }
  }

  /** Executes every job that is due, as the job executor would, until none is left. */
  private void runDueJobs() {
    while (true) {
      List<Job> due = StatementCounter.paused(() -> management.createJobQuery().executable().listPage(0, 500));
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  /** Rounds of the outbox sender until the outbox has nothing due; returns the mails delivered. */
  private int deliverAll() {
    int total = 0;
    for (int delivered; (delivered = outboxSender.deliverDue()) > 0; ) {
      total += delivered;
    }
    return total;
  }

  private static void phase(Map<String, BenchmarkResult.Phase> phases, String name, ThrowingRunnable step) throws Exception {
    StatementCounter.drainByText();
    StatementCounter.Snapshot before = StatementCounter.snapshot();
    long t = System.nanoTime();
    step.run();
    long millis = (System.nanoTime() - t) / 1_000_000;
    StatementCounter.Snapshot used = StatementCounter.snapshot().minus(before);
    StatementCounter.drainByText().forEach((text, count) ->
        System.out.printf(java.util.Locale.ROOT, "SQL %-14s %8d  %s%n", name, count, text));
    phases.put(name, new BenchmarkResult.Phase(used.statements(), used.roundTrips(), millis));
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  // ---- raw SMTP ---------------------------------------------------------------------------------------

  /**
   * Our invitation letters, exactly as stored in the outbox and parsed beforehand, handed to the same
   * server over one reused connection of the sender's own session: no engine, no database, no claim.
   */
  private double rawSmtpOfTheLetters(int count) throws Exception {
    Session session = outboxSender.sendingSession();
    List<MimeMessage> letters = new ArrayList<>();
    for (String stored : jdbc.queryForList("select mime_message from mail_outbox where kind = 'INVITATION'"
        + " and mime_message is not null order by id desc fetch first " + count + " rows only", String.class)) {
      MimeMessage m = new MimeMessage(session, new java.io.ByteArrayInputStream(stored.getBytes(StandardCharsets.US_ASCII)));
      m.setHeader("Message-ID", "<raw-" + letters.size() + "@ipu.example.org>");
      letters.add(m);
    }
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect("127.0.0.1", SMTP.port(), null, null);
      long t = System.nanoTime();
      for (MimeMessage m : letters) {
        transport.sendMessage(m, m.getAllRecipients());
      }
      return letters.size() * 1e9 / (System.nanoTime() - t);
    }
  }

  /** A single-part text message of the same average size, sent again and again over a default session. */
  private static double rawSmtpSimple(int count, int bytesPerMessage) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(SMTP.port()));
    return rawSmtp(count, bytesPerMessage, Session.getInstance(props));
  }

  private static double rawSmtp(int count, int bytesPerMessage, Session session) throws Exception {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("postbox@ipu.example.org"));
    message.setRecipients(Message.RecipientType.TO, "president@raw.example");
    message.setRecipients(Message.RecipientType.CC, "secretary@raw.example");
    message.setSubject("Raw throughput");
    message.setText("x".repeat(Math.max(100, bytesPerMessage - 600)));
    message.saveChanges();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      long t = System.nanoTime();
      for (int i = 0; i < count; i++) {
        transport.sendMessage(message, message.getAllRecipients());
      }
      return count * 1e9 / (System.nanoTime() - t);
    }
  }

  // ---- heap and database size ------------------------------------------------------------------------

  private static void resetPeakHeap() {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  private static String group(String table) {
    String t = table.toLowerCase();
    if (t.startsWith("act_ru_")) {
      return "runtime";
    }
    if (t.startsWith("act_hi_")) {
      return "history";
    }
    if (t.startsWith("act_")) {
      return "engine-other";
    }
    return "ours";
  }

  private List<String> tables() {
    return jdbc.queryForList("select table_name from information_schema.tables where lower(table_schema) = 'public'"
        + " and table_type in ('BASE TABLE', 'TABLE')", String.class);
  }

  private Map<String, Long> rowsByGroup() {
    return StatementCounter.paused(() -> {
      Map<String, Long> rows = new LinkedHashMap<>();
      for (String table : tables()) {
        Long count = jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class);
        rows.merge(group(table), count, Long::sum);
      }
      return rows;
    });
  }

  /** PostgreSQL: bytes of the tables with their indexes and TOAST; H2: not measured (empty). */
  private Map<String, Long> bytesByGroup() {
    if (!database().equals("postgresql")) {
      return Map.of();
    }
    return StatementCounter.paused(() -> {
      Map<String, Long> bytes = new LinkedHashMap<>();
      for (String table : tables()) {
        Long size = jdbc.queryForObject("select pg_total_relation_size(quote_ident(?))", Long.class, table);
        bytes.merge(group(table), size, Long::sum);
      }
      return bytes;
    });
  }

  /** Growth per group: "<group>" from before to the end, "<group>@invited" from before to after the invitation phase. */
  private static Map<String, Long> sizes(Map<String, Long> before, Map<String, Long> invited, Map<String, Long> end) {
    Map<String, Long> out = new LinkedHashMap<>();
    end.forEach((g, v) -> out.put(g, v - before.getOrDefault(g, 0L)));
    if (invited != null) {
      invited.forEach((g, v) -> out.put(g + "@invited", v - before.getOrDefault(g, 0L)));
    }
    return out;
  }

  // ---- the directory -----------------------------------------------------------------------------------

  private static Invitee invitee(InviteeKind kind, int i) {
    String code = String.format("%s%05d", kind == InviteeKind.MEMBER ? "B" : "W", i);
    String domain = code.toLowerCase() + ".parliament.example";
    Language language = Language.values()[i % Language.values().length];
    return new Invitee(code, "Parliament " + code, "Country " + code, kind,
        EnumSet.of(GeopoliticalGroup.values()[i % GeopoliticalGroup.values().length]), language, "President of " + code,
        "Dear President,", "president@" + domain, "secretary@" + domain, ZoneId.of("Africa/Kampala"));
  }
}
