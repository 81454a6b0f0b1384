package org.ipu.outreach.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.representative.RepresentativeRole;
import org.junit.jupiter.api.Test;

/** The reply form's checks, without the application. */
class ReplyFormTest {

  private static Map<String, String> nominee(int i, String name, String email) {
    Map<String, String> p = new HashMap<>();
    p.put("n" + i + ".name", name);
    p.put("n" + i + ".function", "Senator");
    p.put("n" + i + ".role", "MP");
    p.put("n" + i + ".email", email);
    p.put("n" + i + ".language", "fr");
    return p;
  }

  @Test
  void emptyRowsAreIgnoredAndFilledOnesBecomeNominations() {
    Map<String, String> p = new HashMap<>(nominee(1, "  Awa Exemple ", "awa@bf.parliament.example"));
    p.put("answer", "nominate");
    p.put("rows", "3");

    ReplyForm.Checked checked = ReplyForm.parse(p, 11).check(10);

    assertThat(checked.problems()).isEmpty();
    assertThat(checked.reply().nominees()).singleElement().satisfies(n -> {
      assertThat(n.fullName()).isEqualTo("Awa Exemple");
      assertThat(n.role()).isEqualTo(RepresentativeRole.MP);
      assertThat(n.interpretationLanguage()).isEqualTo(Language.FR);
    });
  }

  @Test
  void everyBadFieldIsNamedByItsOwnKey() {
    Map<String, String> p = new HashMap<>(nominee(0, "Awa", "not-an-address"));
    p.put("answer", "nominate");
    p.put("n0.function", " ");
    p.put("n0.role", "SENATOR");
    p.put("n0.language", "de");
    p.put("n0.committees", "x".repeat(1001));

    ReplyForm.Checked checked = ReplyForm.parse(p, 11).check(10);

    assertThat(checked.ok()).isFalse();
    assertThat(checked.reply()).isNull();
    assertThat(checked.problems())
        .containsOnlyKeys("n0.function", "n0.role", "n0.email", "n0.language", "n0.committees");
    assertThat(checked.problems().get("n0.email").key()).isEqualTo("error.email");
    assertThat(checked.problems().get("n0.committees").args()).containsExactly(1000);
  }

  @Test
  void theSameAddressForTwoRepresentativesIsRefusedOnTheSecondRow() {
    Map<String, String> p = new HashMap<>(nominee(0, "Awa Exemple", "awa@bf.parliament.example"));
    p.putAll(nominee(1, "Bintou Exemple", " AWA@bf.parliament.example"));
    p.put("answer", "nominate");
    p.put("rows", "2");

    ReplyForm.Checked checked = ReplyForm.parse(p, 11).check(10);

    assertThat(checked.problems()).containsOnlyKeys("n1.email");
    assertThat(checked.problems().get("n1.email").key()).isEqualTo("error.duplicateEmail");
  }

  @Test
  void aNominationNeedsSomebodyAndAnAnswerMustBeChosen() {
    assertThat(ReplyForm.parse(Map.of("answer", "nominate"), 11).check(10).problems())
        .containsOnlyKeys("n0.name");
    assertThat(ReplyForm.parse(Map.of(), 11).check(10).problems()).containsOnlyKeys("answer");
  }

  @Test
  void aDeclineNeedsNoNomineeAndKeepsItsReason() {
    ReplyForm.Checked checked =
        ReplyForm.parse(Map.of("answer", "decline", "reason", "Budget session"), 11).check(10);
    assertThat(checked.ok()).isTrue();
    assertThat(checked.reply().declined()).isTrue();
    assertThat(checked.reply().nominees()).isEmpty();
    assertThat(checked.reply().declineReason()).isEqualTo("Budget session");
  }

  @Test
  void theRowCountCannotBeInflated() {
    assertThat(ReplyForm.parse(Map.of("rows", "100000"), 11).rows()).hasSize(11);
    assertThat(ReplyForm.parse(Map.of("rows", "x"), 11).rows()).hasSize(1);
  }

  @Test
  void moreNomineesThanAllowedAreRefused() {
    Map<String, String> p = new HashMap<>();
    p.put("answer", "nominate");
    p.put("rows", "3");
    for (int i = 0; i < 3; i++) {
      p.putAll(nominee(i, "Person " + i, "p" + i + "@bf.parliament.example"));
    }
    assertThat(ReplyForm.parse(p, 11).check(2).problems().get("answer").key()).isEqualTo("error.tooMany");
  }

  @Test
  void tokensAreHashedWithSha256() {
    assertThat(ReplyTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void aControlCharacterIsShownByItsFieldInsteadOfReachingTheDatabase() {
    Map<String, String> p = new HashMap<>(nominee(0, "Awa\u0000Exemple", "awa@bf.parliament.example"));
    p.put("answer", "nominate");
    assertThat(ReplyForm.parse(p, 11).check(10).problems()).containsOnlyKeys("n0.name");
    assertThat(ReplyForm.parse(p, 11).check(10).problems().get("n0.name").key()).isEqualTo("error.control");
    assertThat(ReplyForm.parse(Map.of("answer", "decline", "reason", "Budget\u0000"), 11).check(10).problems())
        .containsOnlyKeys("reason");
    assertThat(ReplyForm.parse(Map.of("answer", "decline", "reason", "Budget\nsession"), 11).check(10).ok()).isTrue();
  }
}
