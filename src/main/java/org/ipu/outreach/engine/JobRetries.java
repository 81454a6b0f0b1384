package org.ipu.outreach.engine;

import org.springframework.stereotype.Component;

/** The retry cycle as the BPMN files read it: ${jobRetries.cycle}. */
@Component("jobRetries")
public class JobRetries {

  private final JobRetryProperties properties;

  public JobRetries(JobRetryProperties properties) {
    this.properties = properties;
  }

  public String getCycle() {
    return properties.retryCycle();
  }
}
