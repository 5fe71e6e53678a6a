package org.coophub.systemtests.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Selenium WebDriver and Debian's
 * {@code chromium-driver}. Both executables are given, so Selenium Manager never runs and
 * nothing is downloaded: {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * unless the system properties {@code coophub.chromium} and {@code coophub.chromedriver}
 * name others. The profile and the logs are under {@code target/}.
 */
final class Browser implements AutoCloseable {

	private static final int MAX_SOCKET_PATH = 107;

	private static final int SOCKET_SUFFIX_LENGTH = "/org.chromium.Chromium.XXXXXX/SingletonSocket".length();

	private final ChromeDriver driver;

	private final Path temporary;

	private Browser(ChromeDriver driver, Path temporary) {
		this.driver = driver;
		this.temporary = temporary;
	}

	static Browser start() throws IOException {
		Path target = Files.createDirectories(Path.of("target")).toAbsolutePath();
		Path profile = Files.createTempDirectory(target, "chromium-");
		// with --disable-dev-shm-usage the browser's shared memory files go to TMPDIR,
		// and
		// its singleton socket too, whose path a Unix socket limits to 107 bytes; the
		// browser inherits the driver's environment
		Path temporary = socketFriendlyTemporaryDirectory();
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("coophub.chromedriver", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.withEnvironment(Map.of("TMPDIR", temporary.toString()))
			.withLogFile(profile.resolve("chromedriver.log").toFile())
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("coophub.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1100", "--lang=vi");
		return new Browser(new ChromeDriver(service, options), temporary);
	}

	/**
	 * A short directory under {@code target/} (c0, c1, ...) so that a checkout in a deep
	 * path still leaves room for Chromium's
	 * {@code org.chromium.Chromium.XXXXXX/SingletonSocket}; only when even that is too
	 * long does the browser get a directory in the system's temporary directory, deleted
	 * on {@link #close()}.
	 */
	private static Path socketFriendlyTemporaryDirectory() throws IOException {
		Path target = Path.of("target").toAbsolutePath();
		for (int i = 0;; i++) {
			Path candidate = target.resolve("c" + i);
			if (candidate.toString().length() + SOCKET_SUFFIX_LENGTH > MAX_SOCKET_PATH) {
				return Files.createTempDirectory(Path.of("/tmp"), "coophub-cr");
			}
			try {
				return Files.createDirectory(candidate);
			}
			catch (FileAlreadyExistsException ex) {
				// taken by an earlier browser of this run: try the next
			}
		}
	}

	void navigate(String url) {
		this.driver.get(url);
	}

	/** Runs JavaScript statements in the page. */
	void run(String statements) {
		this.driver.executeScript(statements);
	}

	/**
	 * The value of a JavaScript expression in the page, as text.
	 * @param expression the expression
	 * @return its value as text, null when null or undefined
	 */
	String text(String expression) {
		Object value = this.driver.executeScript("return " + expression);
		return (value != null) ? String.valueOf(value) : null;
	}

	/** The value of a JavaScript expression that gives a number. */
	long number(String expression) {
		return ((Number) this.driver.executeScript("return " + expression)).longValue();
	}

	WebElement find(By by) {
		return this.driver.findElement(by);
	}

	/**
	 * The page as a phone of that width shows it (device metrics emulation), or as the
	 * window is again when {@code width} is 0.
	 */
	void viewportWidth(int width) {
		if (width == 0) {
			this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		else {
			this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", 780, "deviceScaleFactor", 1, "mobile", true));
		}
	}

	/** The whole page, beyond the viewport, as PNG. */
	void screenshot(Path file) throws IOException {
		// a view redrawn a moment ago is painted before it is captured: two animation
		// frames
		this.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "requestAnimationFrame(() => requestAnimationFrame(() => done()))");
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true));
		Files.createDirectories(file.getParent());
		Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
	}

	@Override
	public void close() {
		this.driver.quit();
		if (!this.temporary.startsWith(Path.of("target").toAbsolutePath())) {
			deleteTree(this.temporary);
		}
	}

	private static void deleteTree(Path root) {
		try (var paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: the system's temporary directory is cleaned by the machine
			// anyway
		}
	}

}
