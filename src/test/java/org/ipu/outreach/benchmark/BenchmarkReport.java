package org.ipu.outreach.benchmark;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** target/benchmark/results.csv (one line per database, size and variant), the console table and the chart. */
final class BenchmarkReport {

  static final Path DIR = Path.of(System.getProperty("benchmark.output", "target/benchmark"));
  static final Path CSV = DIR.resolve("results.csv");
  static final Path CHART = DIR.resolve("benchmark.png");

  static final String HEADER = String.join(",", "database", "invitees", "variant",
      "invitation_ms", "invitees_per_s", "statements_per_invitee", "round_trips_per_invitee",
      "stmts_invitation", "stmts_reminder", "stmts_reply_confirm", "stmts_registration", "stmts_attendance",
      "trips_invitation", "trips_reminder", "trips_reply_confirm", "trips_registration", "trips_attendance",
      "mails", "invitation_mails", "mail_per_s", "raw_smtp_per_s", "raw_smtp_simple_per_s", "smtp_connections",
      "meeting_add_calls", "meeting_list_pages", "meeting_report_calls", "repeated_adds", "peak_heap_mb",
      "runtime_rows_per_invitee_invited", "history_rows_per_invitee", "ours_rows_per_invitee",
      "runtime_bytes_per_invitee", "history_bytes_per_invitee", "ours_bytes_per_invitee");

  private BenchmarkReport() {}

  static String line(BenchmarkResult r) {
    List<String> f = new ArrayList<>();
    f.add(r.database());
    f.add(String.valueOf(r.invitees()));
    f.add(r.variant());
    f.add(String.valueOf(r.invitationMillis()));
    f.add(fmt(r.invitationRate()));
    f.add(fmt(r.statementsPerInvitee()));
    f.add(fmt(r.roundTripsPerInvitee()));
    for (String p : CampaignBenchmark.PHASES) {
      f.add(fmt((double) r.phases().get(p).statements() / r.invitees()));
    }
    for (String p : CampaignBenchmark.PHASES) {
      f.add(fmt((double) r.phases().get(p).roundTrips() / r.invitees()));
    }
    f.add(String.valueOf(r.mailsDelivered()));
    f.add(String.valueOf(r.invitationMails()));
    f.add(fmt(r.mailPerSecond()));
    f.add(fmt(r.rawSmtpPerSecond()));
    f.add(fmt(r.rawSmtpSimplePerSecond()));
    f.add(String.valueOf(r.smtpConnections()));
    f.add(String.valueOf(r.meetingAddCalls()));
    f.add(String.valueOf(r.meetingListPages()));
    f.add(String.valueOf(r.meetingReportCalls()));
    f.add(String.valueOf(r.repeatedAdds()));
    f.add(fmt(r.peakHeapBytes() / 1048576.0));
    f.add(perInvitee(r, r.rowsByGroup(), "runtime@invited"));
    f.add(perInvitee(r, r.rowsByGroup(), "history"));
    f.add(perInvitee(r, r.rowsByGroup(), "ours"));
    f.add(perInvitee(r, r.bytesByGroup(), "runtime"));
    f.add(perInvitee(r, r.bytesByGroup(), "history"));
    f.add(perInvitee(r, r.bytesByGroup(), "ours"));
    return String.join(",", f);
  }

  private static String perInvitee(BenchmarkResult r, java.util.Map<String, Long> m, String key) {
    Long v = m.get(key);
    return v == null ? "" : fmt((double) v / r.invitees());
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  static synchronized void append(List<BenchmarkResult> results) throws IOException {
    Files.createDirectories(DIR);
    if (!Files.exists(CSV)) {
      Files.writeString(CSV, HEADER + "\n");
    }
    StringBuilder sb = new StringBuilder();
    results.forEach(r -> sb.append(line(r)).append('\n'));
    Files.writeString(CSV, sb, StandardOpenOption.APPEND);
  }

  static void print(List<BenchmarkResult> results) {
    String[] head = HEADER.split(",");
    StringBuilder sb = new StringBuilder("\n==== campaign benchmark ====\n");
    for (BenchmarkResult r : results) {
      String[] values = line(r).split(",", -1);
      sb.append("-- ").append(r.database()).append(" N=").append(r.invitees()).append(' ').append(r.variant()).append('\n');
      for (int i = 3; i < head.length; i++) {
        if (!values[i].isEmpty()) {
          sb.append(String.format(Locale.ROOT, "   %-34s %s%n", head[i], values[i]));
        }
      }
    }
    System.out.println(sb);
  }

  /** Two bar charts from every line of the CSV: invitation-phase rate and statements per invitee, ours vs floor. */
  static synchronized void chart() throws IOException {
    chart(CSV, CHART);
  }

  /** Redraws a chart from a CSV, e.g. a published run: {@code BenchmarkReport docs/benchmark/results.csv docs/benchmark/benchmark.png}. */
  public static void main(String[] args) throws IOException {
    chart(Path.of(args[0]), Path.of(args[1]));
  }

  static void chart(Path csv, Path png) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> head = List.of(lines.get(0).split(","));
    DefaultCategoryDataset rate = new DefaultCategoryDataset();
    DefaultCategoryDataset statements = new DefaultCategoryDataset();
    for (String l : lines.subList(1, lines.size())) {
      String[] v = l.split(",", -1);
      String category = (v[0].equals("postgresql") ? "pg" : v[0]) + " N=" + v[1];
      rate.addValue(Double.parseDouble(v[head.indexOf("invitees_per_s")]), v[2], category);
      statements.addValue(Double.parseDouble(v[head.indexOf("statements_per_invitee")]), v[2], category);
      if (v[2].equals(BenchmarkResult.OURS)) {
        rate.addValue(Double.parseDouble(v[head.indexOf("mail_per_s")]), "ours: mails/s (sender rounds)", category);
        rate.addValue(Double.parseDouble(v[head.indexOf("raw_smtp_per_s")]), "raw SMTP: mails/s", category);
      }
    }
    JFreeChart left = ChartFactory.createBarChart("Invitation phase (per second)", "", "per second", rate,
        PlotOrientation.VERTICAL, true, false, false);
    JFreeChart right = ChartFactory.createBarChart("SQL statements per invitee, whole lifecycle", "", "statements",
        statements, PlotOrientation.VERTICAL, true, false, false);
    for (JFreeChart chart : List.of(left, right)) {
      // "pg N=10000" fits without being cut to "..."
      chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(1.5f);
    }
    int w = 700;
    int h = 450;
    BufferedImage image = new BufferedImage(2 * w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 2 * w, h);
    left.draw(g, new Rectangle2D.Double(0, 0, w, h));
    right.draw(g, new Rectangle2D.Double(w, 0, w, h));
    g.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    try (var out = Files.newOutputStream(png)) {
      ChartUtils.writeBufferedImageAsPNG(out, image);
    }
  }
}
