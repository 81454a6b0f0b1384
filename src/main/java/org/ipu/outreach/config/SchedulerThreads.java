package org.ipu.outreach.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * One thread for each of our rounds, so that none waits for another: a mail round paced by the relay's
 * rate limit (a minute per letter at 1 a minute) holds its thread for as long as it sends, and used to
 * hold back the meeting registrations and the nightly purge on Spring's single scheduler thread. Each
 * {@code @Scheduled} names its scheduler; the thread's name shows in the log line.
 */
@Configuration
public class SchedulerThreads {

  public static final String MAIL = "mailScheduler";
  public static final String REGISTRATION = "registrationScheduler";
  public static final String RETENTION = "retentionScheduler";

  @Bean(MAIL)
  ThreadPoolTaskScheduler mailScheduler() {
    return scheduler("mail-");
  }

  @Bean(REGISTRATION)
  ThreadPoolTaskScheduler registrationScheduler() {
    return scheduler("registration-");
  }

  @Bean(RETENTION)
  ThreadPoolTaskScheduler retentionScheduler() {
    return scheduler("retention-");
  }

  private static ThreadPoolTaskScheduler scheduler(String threadNamePrefix) {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(1); // one round of each at a time, as before
    scheduler.setThreadNamePrefix(threadNamePrefix);
    return scheduler;
  }
}
