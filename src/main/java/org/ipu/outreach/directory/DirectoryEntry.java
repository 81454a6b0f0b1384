package org.ipu.outreach.directory;

import java.util.List;

/**
 * An invitee as shown by {@code GET /api/directory}: the values are written as in the directory CSV
 * (kind and group labels, two-letter language code, IANA time zone id).
 */
public record DirectoryEntry(
    String code,
    String name,
    String country,
    String kind,
    List<String> groups,
    String language,
    String presidentName,
    String salutation,
    String presidentEmail,
    String secretaryEmail,
    String timeZone) {

  public static DirectoryEntry of(Invitee invitee) {
    return new DirectoryEntry(
        invitee.code(),
        invitee.name(),
        invitee.country(),
        invitee.kind().label(),
        invitee.groups().stream().sorted().map(GeopoliticalGroup::label).toList(),
        invitee.language().code(),
        invitee.presidentName(),
        invitee.salutation(),
        invitee.presidentEmail(),
        invitee.secretaryEmail(),
        invitee.timeZone().getId());
  }
}
