package org.ipu.outreach.web;

import java.util.List;
import java.util.Map;
import org.ipu.outreach.campaign.Campaign;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff start page: links to the tools and where each campaign stands. */
@Controller
class HomeController {

  private final CampaignRepository campaigns;
  private final StaffAccess staff;

  HomeController(CampaignRepository campaigns, StaffAccess staff) {
    this.campaigns = campaigns;
    this.staff = staff;
  }

  /** A campaign with its invitations counted by outcome (null outcome = still running). */
  public record CampaignView(Campaign campaign, Map<String, Integer> outcomes) {}

  @GetMapping({"/app", "/app/"})
  public String home(Model model) {
    staff.require();
    List<CampaignView> views =
        campaigns.findAll().stream().map(c -> new CampaignView(c, campaigns.outcomeCounts(c.id()))).toList();
    model.addAttribute("campaigns", views);
    return "app/index";
  }
}
