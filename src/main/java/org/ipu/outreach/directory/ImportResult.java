package org.ipu.outreach.directory;

/** Outcome of a successful directory import: how many invitees were inserted or updated. */
public record ImportResult(int imported) {}
