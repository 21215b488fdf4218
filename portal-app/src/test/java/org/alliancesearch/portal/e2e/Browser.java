package org.alliancesearch.portal.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by the system chromedriver; nothing is downloaded. */
final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    Browser(String language) throws IOException {
        profile = Files.createTempDirectory("e2e-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=1400,1000", "--lang=" + language,
                "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    /** Opens the portal, follows the redirect to the Keycloak login form and signs in. */
    void signIn(String portalUrl, String user) {
        driver.get(portalUrl + "/");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(portalUrl));
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void screenshot(String flow) throws IOException {
        Path dir = Path.of(System.getProperty("alliance.e2e.screenshots", "target/e2e-screenshots"));
        Files.createDirectories(dir);
        Path target = dir.resolve(flow + ".png");
        // Show the results (below the form) rather than the top of the page when there are any.
        driver.executeScript("var r = document.getElementById('search-results'); if (r) r.scrollIntoView();");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("e2e screenshot: " + target.getFileName());
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
