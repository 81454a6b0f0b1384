package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The three bundles say the same things, with the same placeholders, in valid UTF-8. */
class MailMessagesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  private static Properties load(String name) throws IOException {
    try (InputStream in = MailMessagesTest.class.getClassLoader().getResourceAsStream("i18n/" + name)) {
      assertThat(in).as(name).isNotNull();
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
    Properties en = load("mail.properties");
    for (String other : new String[] {"mail_fr.properties", "mail_es.properties"}) {
      Properties translated = load(other);
      assertThat(translated.stringPropertyNames()).as(other).isEqualTo(en.stringPropertyNames());
      for (String key : en.stringPropertyNames()) {
        if (key.endsWith(".subject") || key.startsWith("salutation.")) {
          continue; // subjects pick what they need from the same arguments; "Madame, Monsieur," names no one
        }
        assertThat(placeholders(translated.getProperty(key)))
            .as(other + " " + key)
            .isEqualTo(placeholders(en.getProperty(key)));
      }
    }
  }

  @Test
  void everyKindHasASubject() throws IOException {
    for (String name : new String[] {"mail.properties", "mail_fr.properties", "mail_es.properties"}) {
      Properties bundle = load(name);
      for (MailKind kind : MailKind.values()) {
        assertThat(bundle.getProperty(MailComposer.messagePrefix(kind) + ".subject"))
            .as(name + " " + kind)
            .isNotBlank();
      }
    }
  }

  @Test
  void noPlainApostrophesWhichMessageFormatWouldEat() throws IOException {
    for (String name : new String[] {"mail.properties", "mail_fr.properties", "mail_es.properties"}) {
      load(name).forEach(
          (key, value) ->
              assertThat(((String) value).replace("''", ""))
                  .as(name + " " + key)
                  .doesNotContain("'")
                  .doesNotContain("\uFFFD"));
    }
  }
}
