package org.ipu.outreach.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRole;
import org.junit.jupiter.api.Test;

class NominationValidatorTest {

  @Test
  void aCompleteNominationIsAccepted() {
    Representative.Nomination n = NominationValidator.validate(
        new NominationValidator.Fields(" Agnes Example ", "Chair", "mp", "", "agnes@ug.parliament.example", "FR"), "");
    assertThat(n.fullName()).isEqualTo("Agnes Example");
    assertThat(n.role()).isEqualTo(RepresentativeRole.MP);
    assertThat(n.committees()).isNull();
    assertThat(n.interpretationLanguage()).isEqualTo(Language.FR);
  }

  @Test
  void everyBadFieldIsNamed() {
    assertThatThrownBy(() -> NominationValidator.validate(
            new NominationValidator.Fields("", null, "senator", "x".repeat(1001), "agnes@localhost", "de"), "Nominee "))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactly(
            "Nominee name is missing.",
            "Nominee function is missing.",
            "Nominee role must be MP or STAFF (got 'senator').",
            "Nominee committees is longer than 1000 characters.",
            "Nominee email 'agnes@localhost' is not a valid e-mail address.",
            "Nominee interpretation language must be en, fr or es (got 'de')."));
  }

  @Test
  void htmlInANameIsKeptAsTextNotRejected() {
    // names are escaped wherever they are shown; a name is not refused for its characters
    assertThat(NominationValidator.validate(
            new NominationValidator.Fields("<b>Agnes</b>", "Chair", "STAFF", null, "a@ug.parliament.example", "en"), "")
        .fullName()).isEqualTo("<b>Agnes</b>");
  }

  @Test
  void aControlCharacterInANameIsNamedAndNothingElseIsChecked() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NominationValidator.validate(
            new NominationValidator.Fields("Ana\u0000Perez", "Senator", "MP", null, "ana@senado.example.org", "es"), "n0."))
        .isInstanceOf(org.ipu.outreach.InvalidInputException.class)
        .hasMessage("n0.name contains a control character (such as U+0000), which no name or text has.");
  }
}
