package org.ipu.outreach.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class InviteeRepository {

  private static final String COLUMNS =
      "code, name, country, kind, letter_language, president_name, salutation, president_email,"
          + " secretary_email, time_zone";

  private final JdbcTemplate jdbc;

  public InviteeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The invitee with its groups, in one query: letters read it for every invitation step. */
  public Optional<Invitee> find(String code) {
    Set<GeopoliticalGroup> groups = EnumSet.noneOf(GeopoliticalGroup.class);
    List<Invitee> found =
        jdbc.query(
            "select " + COLUMNS + ", group_code from invitee left join invitee_group on invitee_code = code"
                + " where code = ?",
            (rs, n) -> {
              if (rs.getString("group_code") != null) {
                groups.add(GeopoliticalGroup.valueOf(rs.getString("group_code")));
              }
              return n == 0 ? row(rs, n) : null;
            },
            code);
    return found.stream().findFirst().map(i -> i.withGroups(groups));
  }

  public List<Invitee> findAll() {
    return withGroups(jdbc.query("select " + COLUMNS + " from invitee order by code", this::row));
  }

  /** Invitees of any of the given kinds and any of the given groups; an empty set means "any". */
  public List<Invitee> findSelection(Set<InviteeKind> kinds, Set<GeopoliticalGroup> groups) {
    return findAll().stream()
        .filter(i -> kinds.isEmpty() || kinds.contains(i.kind()))
        .filter(i -> groups.isEmpty() || i.groups().stream().anyMatch(groups::contains))
        .toList();
  }

  public int count() {
    Integer count = jdbc.queryForObject("select count(*) from invitee", Integer.class);
    return count == null ? 0 : count;
  }

  /**
   * Inserts new invitees and replaces existing ones with the same code (their groups included), all in
   * one transaction: either every invitee is saved or none is.
   */
  @Transactional
  public void saveAll(Collection<Invitee> invitees) {
    if (invitees.isEmpty()) {
      return;
    }
    Set<String> existing = existingCodes();
    List<Object[]> codes = invitees.stream().map(i -> new Object[] {i.code()}).toList();
    jdbc.batchUpdate("delete from invitee_group where invitee_code = ?", codes);
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    for (Invitee i : invitees) {
      Object[] values = {
        i.name(), i.country(), i.kind().name(), i.language().code(), i.presidentName(),
        i.salutation(), i.presidentEmail(), i.secretaryEmail(), i.timeZone().getId(), i.code()
      };
      (existing.contains(i.code()) ? updates : inserts).add(values);
    }
    if (!updates.isEmpty()) {
      jdbc.batchUpdate(
          "update invitee set name = ?, country = ?, kind = ?, letter_language = ?, president_name = ?,"
              + " salutation = ?, president_email = ?, secretary_email = ?, time_zone = ? where code = ?",
          updates);
    }
    if (!inserts.isEmpty()) {
      jdbc.batchUpdate(
          "insert into invitee (name, country, kind, letter_language, president_name, salutation,"
              + " president_email, secretary_email, time_zone, code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          inserts);
    }
    List<Object[]> groups = new ArrayList<>();
    invitees.forEach(i -> i.groups().forEach(g -> groups.add(new Object[] {i.code(), g.name()})));
    if (!groups.isEmpty()) {
      jdbc.batchUpdate("insert into invitee_group (invitee_code, group_code) values (?, ?)", groups);
    }
  }

  /** The directory is small (a few hundred rows): one query instead of one per invitee. */
  private Set<String> existingCodes() {
    return new HashSet<>(jdbc.queryForList("select code from invitee", String.class));
  }

  private List<Invitee> withGroups(List<Invitee> invitees) {
    if (invitees.isEmpty()) {
      return invitees;
    }
    Map<String, Set<GeopoliticalGroup>> groups = new HashMap<>();
    jdbc.query(
        "select invitee_code, group_code from invitee_group",
        rs -> {
          groups
              .computeIfAbsent(rs.getString(1), c -> EnumSet.noneOf(GeopoliticalGroup.class))
              .add(GeopoliticalGroup.valueOf(rs.getString(2)));
        });
    return invitees.stream().map(i -> i.withGroups(groups.getOrDefault(i.code(), Set.of()))).toList();
  }

  private Invitee row(ResultSet rs, int n) throws SQLException {
    return new Invitee(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("country"),
        InviteeKind.valueOf(rs.getString("kind")),
        Set.of(),
        Language.parse(rs.getString("letter_language")).orElseThrow(),
        rs.getString("president_name"),
        rs.getString("salutation"),
        rs.getString("president_email"),
        rs.getString("secretary_email"),
        ZoneId.of(rs.getString("time_zone")));
  }
}
