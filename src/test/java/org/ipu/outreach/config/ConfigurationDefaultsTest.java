package org.ipu.outreach.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Defaults are written once, in application.yaml (application-demo.yaml for the demo's own settings):
 * the properties records carry none. This test binds every record from those files alone and finds
 * each component set, so that a setting missing from the YAML is a failing test, not a silent 0 or null.
 */
class ConfigurationDefaultsTest {

  @Test
  void everySettingOfEveryPropertiesRecordHasItsDefaultInTheYaml() throws Exception {
    MutablePropertySources sources = new MutablePropertySources();
    for (String file : List.of("application-demo.yaml", "application.yaml")) {
      for (PropertySource<?> s : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
        sources.addLast(s);
      }
    }
    Binder binder =
        new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));

    List<String> missing = new ArrayList<>();
    List<Class<?>> records = propertiesRecords();
    assertThat(records).hasSizeGreaterThan(5);
    for (Class<?> type : records) {
      String prefix = type.getAnnotation(ConfigurationProperties.class).value();
      Object bound = binder.bind(prefix, type).orElse(null);
      for (RecordComponent c : type.getRecordComponents()) {
        if (bound == null || c.getAccessor().invoke(bound) == null) {
          missing.add(prefix + "." + c.getName() + " (" + type.getSimpleName() + ")");
        }
      }
    }
    assertThat(missing).as("settings without a value in application.yaml").isEmpty();
  }

  private static List<Class<?>> propertiesRecords() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    List<Class<?>> records = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("org.ipu.outreach")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      if (type.isRecord()) {
        records.add(type);
      }
    }
    return records;
  }
}
