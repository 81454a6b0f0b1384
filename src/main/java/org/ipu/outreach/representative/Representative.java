package org.ipu.outreach.representative;

import org.ipu.outreach.directory.Language;

/** A person a parliament nominated, from nomination to registration and attendance. */
public record Representative(
    Long id,
    String campaignId,
    String inviteeCode,
    String fullName,
    String functionTitle,
    RepresentativeRole role,
    String committees,
    String email,
    Language interpretationLanguage,
    RepresentativeStatus status,
    String registrantId,
    String joinUrl,
    Boolean attended,
    Integer attendedMinutes) {

  /** What a parliament (or staff on its behalf) tells us about a nominee. */
  public record Nomination(
      String fullName,
      String functionTitle,
      RepresentativeRole role,
      String committees,
      String email,
      Language interpretationLanguage) {}
}
