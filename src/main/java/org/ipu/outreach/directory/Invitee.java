package org.ipu.outreach.directory;

import java.time.ZoneId;
import java.util.Set;

/**
 * A parliament (or organisation) on the invitation list. The letter goes to its IPU Group President,
 * with the Group Secretary in copy.
 */
public record Invitee(
    String code,
    String name,
    String country,
    InviteeKind kind,
    Set<GeopoliticalGroup> groups,
    Language language,
    String presidentName,
    String salutation,
    String presidentEmail,
    String secretaryEmail,
    ZoneId timeZone) {

  Invitee withGroups(Set<GeopoliticalGroup> groups) {
    return new Invitee(code, name, country, kind, groups, language, presidentName, salutation, presidentEmail,
        secretaryEmail, timeZone);
  }
}
