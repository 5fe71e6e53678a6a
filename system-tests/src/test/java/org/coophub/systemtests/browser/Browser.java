package org.coophub.systemtests.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
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
public final class Browser implements AutoCloseable {

	private static final int MAX_SOCKET_PATH = 107;

	private static final int SOCKET_SUFFIX_LENGTH = "/org.chromium.Chromium.XXXXXX/SingletonSocket".length();

	private final ChromeDriver driver;

	private final Path temporary;

	private Browser(ChromeDriver driver, Path temporary) {
		this.driver = driver;
		this.temporary = temporary;
	}

	/**
	 * A browser in a language of its own: a new profile, so no cookie (no session, no
	 * remembered language) of another browser.
	 * @param language {@code vi} or {@code en}
	 */
	public static Browser start(String language) throws IOException {
		Path target = Files.createDirectories(Path.of("target")).toAbsolutePath();
		Path profile = Files.createTempDirectory(target, "chromium-");
		// with --disable-dev-shm-usage the browser's shared memory files go to TMPDIR,
		// and its singleton socket too, whose path a Unix socket limits to 107 bytes; the
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
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1100",
				"--lang=" + language);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
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

	/**
	 * Runs a script in every page this browser loads from now on, before the page's own
	 * scripts.
	 */
	public void onEveryPage(String script) {
		this.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
	}

	/**
	 * Waits until the page has painted what it drew a moment ago: two animation frames.
	 */
	public void awaitPaint() {
		this.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "requestAnimationFrame(() => requestAnimationFrame(() => done()))");
	}

	/**
	 * Opens a new window, which becomes the current one.
	 * @return its handle, for {@link #switchTo(String)}
	 */
	public String newWindow() {
		this.driver.switchTo().newWindow(WindowType.WINDOW);
		return this.driver.getWindowHandle();
	}

	/** The current window's handle. */
	public String window() {
		return this.driver.getWindowHandle();
	}

	/** Makes a window the current one: what the next calls drive. */
	public void switchTo(String window) {
		this.driver.switchTo().window(window);
	}

	/** Closes the current window and makes another the current one. */
	public void closeWindow(String next) {
		this.driver.close();
		this.driver.switchTo().window(next);
	}

	/**
	 * Sets an input's value as a date or time picker does, with its input and change
	 * events.
	 */
	public void setValue(WebElement input, String value) {
		this.driver.executeScript("const input = arguments[0]; input.value = arguments[1];"
				+ "input.dispatchEvent(new Event('input', {bubbles: true}));"
				+ "input.dispatchEvent(new Event('change', {bubbles: true}));", input, value);
	}

	/** The driver itself, for tools that take one (axe-core's AxeBuilder). */
	public WebDriver driver() {
		return this.driver;
	}

	public void navigate(String url) {
		this.driver.get(url);
	}

	/** Runs JavaScript statements in the page. */
	public void run(String statements, Object... arguments) {
		this.driver.executeScript(statements, arguments);
	}

	/**
	 * The value of a JavaScript expression in the page, as text.
	 * @param expression the expression
	 * @return its value as text, null when null or undefined
	 */
	public String text(String expression) {
		Object value = this.driver.executeScript("return " + expression);
		return (value != null) ? String.valueOf(value) : null;
	}

	/** The value of a JavaScript expression that gives a number. */
	public long number(String expression) {
		return ((Number) this.driver.executeScript("return " + expression)).longValue();
	}

	/**
	 * Runs asynchronous JavaScript (e.g. {@code fetch}): the statements call
	 * {@code done(value)} once finished.
	 * @return what they gave {@code done}, as Selenium converts it (Map, List, String,
	 * Long, Boolean)
	 */
	public Object async(String statements, Object... arguments) {
		return this.driver.executeAsyncScript(
				"const done = arguments[arguments.length - 1];" + "const args = arguments;" + statements, arguments);
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	/** The path of the page now shown, e.g. {@code /activities.html}. */
	public String path() {
		return text("location.pathname");
	}

	/**
	 * Resizes the browser window, as a phone of that width (360) or a desktop (1400)
	 * shows the pages: CSS media queries and {@code document.documentElement.clientWidth}
	 * follow.
	 */
	public void windowSize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/**
	 * The page as a phone of that width shows it (device metrics emulation), or as the
	 * window is again when {@code width} is 0.
	 */
	public void viewportWidth(int width) {
		if (width == 0) {
			this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		else {
			this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", 780, "deviceScaleFactor", 1, "mobile", true));
		}
	}

	/** The whole page, beyond the viewport, as PNG. */
	public void screenshot(Path file) throws IOException {
		// a view redrawn a moment ago is painted before it is captured
		awaitPaint();
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
