package org.ipu.outreach.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameTaskForParliamentTest {

  @Test
  void theNameSaysWhoseTaskItIsInTheDirectorysSpelling() {
    assertThat(NameTaskForParliament.name("Follow up with the parliament", "Parlement d'Haïti"))
        .isEqualTo("Follow up with the parliament: Parlement d'Haïti");
    assertThat(NameTaskForParliament.name("Confirm representative", null)).isEqualTo("Confirm representative");
    assertThat(NameTaskForParliament.name("Confirm representative", " ")).isEqualTo("Confirm representative");
  }

  @Test
  void theDescriptionNamesTheCampaignBeforeWhatTheTaskIsFor() {
    assertThat(NameTaskForParliament.description("Contact the parliament.", "IPU-DEMO-1"))
        .isEqualTo("Campaign IPU-DEMO-1. Contact the parliament.");
    assertThat(NameTaskForParliament.description(null, "IPU-DEMO-1")).isEqualTo("Campaign IPU-DEMO-1.");
    assertThat(NameTaskForParliament.description("Contact the parliament.", null)).isEqualTo("Contact the parliament.");
  }
}
