package org.ipu.outreach.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by
 * Selenium. When either program is missing the calling test is skipped (a JUnit assumption, reported as
 * skipped with the reason), never passed. Screenshots go to target/screenshots/.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of(System.getProperty("outreach.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("outreach.chromedriver", "/usr/bin/chromedriver"));
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;

  private Browser(ChromeDriver driver, Path profile, String baseUrl) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
  }

  /** Skips the calling test unless Chromium and its driver are installed. */
  public static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: " + CHROMIUM + " and " + CHROMEDRIVER
            + " are needed (Debian: apt-get install chromium chromium-driver)");
  }

  /** A new headless browser; {@code width} in CSS pixels (e.g. 390 for a phone). */
  public static Browser open(String baseUrl, int width, int height) throws IOException {
    assumeInstalled();
    Path profile = Files.createTempDirectory("outreach-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "--lang=en");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    return new Browser(driver, profile, baseUrl);
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String path) {
    driver.get(path.startsWith("http") ? path : baseUrl + path);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public boolean exists(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  public String text(String css) {
    return find(css).getText();
  }

  public String pageText() {
    return find("body").getText();
  }

  public void type(String css, String value) {
    WebElement e = find(css);
    e.clear();
    e.sendKeys(value);
  }

  /** Clicks an element after scrolling it to the middle of the window, away from fixed headers and footers. */
  public void click(String css) {
    WebElement e = find(css);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    e.click();
  }

  /** Clicks a button or link that loads another page, and waits until that page has replaced this one. */
  public void submit(String css) {
    WebElement page = find("html");
    find(css).click();
    // Chromedriver reports a node of the replaced page either as stale or, in a race while the new
    // document loads, as an inspector error ("does not belong to the document"): both mean it is gone.
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
      try {
        page.isEnabled();
        return false;
      } catch (org.openqa.selenium.WebDriverException gone) {
        return true;
      }
    });
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
  }

  public WebElement await(String css, Duration timeout) {
    return new WebDriverWait(driver, timeout)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** Saves a screenshot of the page as target/screenshots/{name}.png (the whole page height). */
  public Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Long height = (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
    Dimension before = driver.manage().window().getSize();
    if (height != null && height > before.getHeight()) {
      driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 40, 6000)));
    }
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(before);
    return file;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
