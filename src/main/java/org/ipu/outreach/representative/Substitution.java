package org.ipu.outreach.representative;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What substituting a parliament's registered representatives by the nominees of its new reply means,
 * person by person (matched by e-mail address): a registered person named again stays registered, their
 * new record is not needed; a registered person not named again is replaced; a new person is added.
 */
public record Substitution(List<Representative> replaced, List<Representative> namedAgain, List<Representative> added) {

  public static Substitution of(List<Representative> registered, List<Representative> substitutes) {
    Set<String> registeredAddresses = addresses(registered);
    Set<String> substituteAddresses = addresses(substitutes);
    return new Substitution(
        registered.stream().filter(r -> !substituteAddresses.contains(key(r))).toList(),
        substitutes.stream().filter(s -> registeredAddresses.contains(key(s))).toList(),
        substitutes.stream().filter(s -> !registeredAddresses.contains(key(s))).toList());
  }

  private static Set<String> addresses(List<Representative> people) {
    return people.stream().map(Substitution::key).collect(Collectors.toSet());
  }

  private static String key(Representative r) {
    return r.email().trim().toLowerCase(Locale.ROOT);
  }
}
