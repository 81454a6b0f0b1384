package org.ipu.outreach.retention;

import java.util.List;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For managers: the campaigns whose personal data is past its retention period but held by running processes. */
@RestController
class RetentionController {

  private final PersonalDataPurge purge;
  private final StaffAccess staff;

  RetentionController(PersonalDataPurge purge, StaffAccess staff) {
    this.purge = purge;
    this.staff = staff;
  }

  @GetMapping("/api/retention/held")
  List<PersonalDataPurge.HeldCampaign> held() {
    staff.requireManager();
    return purge.held();
  }
}
