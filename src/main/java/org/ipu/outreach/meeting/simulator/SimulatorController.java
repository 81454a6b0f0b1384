package org.ipu.outreach.meeting.simulator;

import org.ipu.outreach.meeting.zoom.ZoomConfigured;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Pages of the meeting-platform simulator: the representatives' join links and the staff view. */
@Controller
@Conditional(ZoomConfigured.Not.class)
public class SimulatorController {

  private final SimulatedMeetingPlatform simulator;
  private final StaffAccess staff;

  public SimulatorController(SimulatedMeetingPlatform simulator, StaffAccess staff) {
    this.simulator = simulator;
    this.staff = staff;
  }

  @GetMapping("/simulator/join/{registrantId}")
  public String join(@PathVariable String registrantId) {
    if (!simulator.join(registrantId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such join link.");
    }
    return "simulator/joined";
  }

  @GetMapping("/app/simulator")
  public String registrants(Model model) {
    staff.require();
    model.addAttribute("registrants", simulator.registrants());
    return "app/simulator";
  }

  @PostMapping("/app/simulator/{registrantId}")
  public String recordMinutes(@PathVariable String registrantId, @RequestParam int minutes) {
    staff.require();
    if (!simulator.recordMinutes(registrantId, minutes)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such registrant.");
    }
    return "redirect:/app/simulator";
  }
}
