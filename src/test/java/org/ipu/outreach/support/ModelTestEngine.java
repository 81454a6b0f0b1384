package org.ipu.outreach.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.ipu.outreach.engine.JobRetries;
import org.ipu.outreach.invitation.NameTaskForParliament;
import org.ipu.outreach.task.TaskDeadlines;

/**
 * The engine of the process-model tests: built here, without Spring, on an in-memory H2 database of its
 * own, with no job executor (the tests run jobs themselves) and full history. Every bean a BPMN file names
 * is a Mockito mock the test registers with {@link Mocks#register}, which the {@link MockExpressionManager}
 * resolves. The engine is named {@value #NAME}, not "default", the name of the Spring tests' engine in the
 * same JVM. It is built once per JVM and shared by the model test classes; their extension deploys each
 * test's {@code @Deployment}, removes it afterwards and resets the clock.
 */
public final class ModelTestEngine {

  public static final String NAME = "model-tests";

  /** The engine clock when a test starts: a Monday morning. */
  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  /** The staff group the mocked {@code taskDeadlines.staffGroup} gives every user task. */
  public static final String STAFF_GROUP = "secretariat";
  /** How long after its creation the mocked {@code taskDeadlines.plan} makes a staff task due. */
  public static final Duration ESCALATION_AFTER = Duration.ofDays(2);
  /** The retry cycle of failed jobs the mocked {@code jobRetries.cycle} gives: 3 tries, a minute apart. */
  public static final String RETRY_CYCLE = "R3/PT1M";

  private static ProcessEngine engine;

  private ModelTestEngine() {}

  public static synchronized ProcessEngine get() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName(NAME);
      configuration.setJdbcUrl("jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1");
      configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
      configuration.setJobExecutorActivate(false);
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      configuration.setExpressionManager(new MockExpressionManager());
      configuration.setMetricsEnabled(false);
      engine = configuration.buildProcessEngine();
      // only these tests use it, through this class: kept out of the JVM-wide registry, where the Spring
      // tests' webapps and REST API would list it beside their own engine
      ProcessEngines.unregister(engine);
      Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
    }
    return engine;
  }

  /** The JUnit 5 extension on this engine, for {@code @RegisterExtension}. */
  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(get()).build();
  }

  /**
   * Before each test: camunda-bpm-assert on this engine (the Spring tests of the same JVM point it at
   * theirs), the clock at {@link #T0} (before any instance starts, so that timer dates can be asserted), and
   * the two mocks both processes read without a test having to verify them: {@code taskDeadlines} and
   * {@code jobRetries}.
   */
  public static void setUp() {
    BpmnAwareTests.init(get());
    ClockUtil.setCurrentTime(Date.from(T0));
    Mocks.register("taskDeadlines", taskDeadlines());
    Mocks.register("jobRetries", jobRetries());
    Mocks.register("nameTaskForParliament", new NameTaskForParliament());
  }

  /** After each test: no mocks, no engine for camunda-bpm-assert, the real clock. */
  public static void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
    ClockUtil.reset();
  }

  /**
   * {@code taskDeadlines} as the BPMN files use it: the staff group, and {@code plan(execution)}, the
   * escalation timer's date, which like the real bean also keeps it in the local variable
   * {@code escalationDueAt} that the task's due date reads.
   */
  static TaskDeadlines taskDeadlines() {
    TaskDeadlines deadlines = mock(TaskDeadlines.class);
    when(deadlines.getStaffGroup()).thenReturn(STAFF_GROUP);
    doAnswer(invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      Date due = Date.from(now().plus(ESCALATION_AFTER));
      execution.setVariableLocal(TaskDeadlines.ESCALATION_DUE_AT, due);
      return due;
    }).when(deadlines).plan(any());
    return deadlines;
  }

  static JobRetries jobRetries() {
    JobRetries retries = mock(JobRetries.class);
    when(retries.getCycle()).thenReturn(RETRY_CYCLE);
    return retries;
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static void moveClockTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** A timer fires: the clock moves to its due date and the job runs. */
  public static void fire(Job timer) {
    ClockUtil.setCurrentTime(timer.getDuedate());
    BpmnAwareTests.execute(timer);
  }
}
