package io.planeval.e2e;

import java.io.File;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A headless Chromium as a reader opens the dashboard: Debian's chromium and chromedriver, nothing downloaded. */
final class Browser {

    private Browser() {
    }

    static ChromeDriver open() {
        ChromeOptions options = new ChromeOptions()
            .setBinary(chromium())
            .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400", "--hide-scrollbars", "--lang=ja");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(executable("PLANEVAL_CHROMEDRIVER", "/usr/bin/chromedriver")))
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Debian's Chromium, or the one PLANEVAL_CHROMIUM names. */
    static String chromium() {
        return executable("PLANEVAL_CHROMIUM", "/usr/bin/chromium");
    }

    private static String executable(String variable, String fallback) {
        String path = System.getenv(variable);
        return path == null || path.isBlank() ? fallback : path;
    }
}
