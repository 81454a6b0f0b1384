package org.ipu.outreach.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ipu.outreach.meeting.zoom.ZoomConfigured;
import org.ipu.outreach.reply.FormTokens;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The prod profile refuses to start with settings that would look like success and are not: reply links
 * to localhost, the meeting simulator by default, demo users. It runs before any other bean is made (a
 * bean factory post-processor), so a refused start has touched neither the database nor the mail relay,
 * and its message names every problem with the setting (and environment variable) to fix.
 */
@Component
@Profile("prod")
public class ProdProfileCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  static final String PUBLIC_BASE_URL = "outreach.reply-page.public-base-url";
  static final String SIMULATOR_BASE_URL = "outreach.simulator.base-url";
  static final String ADMIN_USER = "camunda.bpm.admin-user";
  /** The users the demo profile creates (demo as Camunda's admin-user, staff and manager by DemoData). */
  static final Set<String> DEMO_USERS = Set.of("demo", "staff", "manager");

  // a bean factory post-processor is made before constructor injection is available
  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The prod profile refuses to start (see docs/operations.md):\n - "
          + String.join("\n - ", problems));
    }
  }

  static List<String> problems(Environment environment) {
    List<String> problems = new ArrayList<>();
    String baseUrlProblem = urlProblem(environment.getProperty(PUBLIC_BASE_URL, ""));
    if (baseUrlProblem != null) {
      problems.add(PUBLIC_BASE_URL + " (PUBLIC_BASE_URL) " + baseUrlProblem
          + ": the reply links in the letters start with it; set the public https address of the application.");
    }
    meetingPlatform(environment, problems);
    demoUsers(environment, problems);
    // without a configured key the nodes share one kept in the database; a configured one must be usable
    String formTokenKey = environment.getProperty(FormTokens.SETTING, "");
    if (!formTokenKey.isBlank()) {
      try {
        FormTokens.decode(formTokenKey);
      } catch (IllegalStateException unusable) {
        problems.add(unusable.getMessage());
      }
    }
    return problems;
  }

  private static void meetingPlatform(Environment environment, List<String> problems) {
    String platform = environment.getProperty(ZoomConfigured.PLATFORM, "").trim();
    if (platform.isEmpty()) {
      problems.add(ZoomConfigured.PLATFORM + " (MEETING_PLATFORM) is not set: choose zoom or simulator"
          + " (the simulator registers nobody on a real meeting).");
      return;
    }
    boolean zoom;
    try {
      zoom = ZoomConfigured.zoomChosen(environment);
    } catch (IllegalStateException unknown) {
      problems.add(unknown.getMessage());
      return;
    }
    if (zoom) {
      for (String[] setting : new String[][] {
          {"outreach.zoom.account-id", "ZOOM_ACCOUNT_ID"},
          {"outreach.zoom.client-id", "ZOOM_CLIENT_ID"},
          {"outreach.zoom.client-secret", "ZOOM_CLIENT_SECRET"}}) {
        if (environment.getProperty(setting[0], "").isBlank()) {
          problems.add(setting[0] + " (" + setting[1] + ") is not set, and the meeting platform is zoom.");
        }
      }
    } else {
      String problem = urlProblem(environment.getProperty(SIMULATOR_BASE_URL, ""));
      if (problem != null) {
        problems.add(SIMULATOR_BASE_URL + " (PUBLIC_BASE_URL) " + problem
            + ": the simulator's join links start with it.");
      }
    }
  }

  private static void demoUsers(Environment environment, List<String> problems) {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      problems.add("the demo profile is active too (SPRING_PROFILES_ACTIVE): it would create the users demo,"
          + " staff and manager with their names as passwords and import the demo directory.");
    }
    Binder binder = Binder.get(environment);
    String id = binder.bind(ADMIN_USER + ".id", String.class).orElse("");
    if (id.isBlank()) {
      return;
    }
    // Camunda takes the id as the password when none is given
    String password = binder.bind(ADMIN_USER + ".password", String.class).orElse(id);
    if (DEMO_USERS.contains(id.toLowerCase(Locale.ROOT)) || password.equals(id) || DEMO_USERS.contains(password)) {
      problems.add(ADMIN_USER + " (CAMUNDA_BPM_ADMINUSER_ID, CAMUNDA_BPM_ADMINUSER_PASSWORD) would create the"
          + " administrator '" + id + "' with a demo user's name or password (or the id as password): remove"
          + " it and use the setup page, or give a real user and a real password.");
    }
  }

  /** Why a public base URL cannot be used; null when it can. */
  static String urlProblem(String url) {
    if (url == null || url.isBlank()) {
      return "is not set";
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      return "is not a URL ('" + url + "')";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      return "is not an http(s) address with a host ('" + url + "')";
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
        || host.equals("0.0.0.0") || host.equals("[::1]") || host.equals("::1") || host.equals("[::]")) {
      return "points to this machine ('" + url + "'), which no parliament can reach";
    }
    return null;
  }
}
