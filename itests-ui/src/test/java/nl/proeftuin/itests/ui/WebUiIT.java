package nl.proeftuin.itests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser against the running distribution: Debian's chromium, headless,
 * through /usr/bin/chromedriver (never downloaded). One scenario, in the order a pilot uses it:
 * sign in, open a case from a signal, assign a team, write and revise the plan, open the family
 * view, rebind a triage plugin as coordinator, see the monitor. Screenshots go to
 * target/screenshots; every page is checked for labels on its controls and sufficient contrast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiIT {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String[] CHROMIUM = {"/usr/bin/chromium", "/usr/bin/chromium-browser"};

    private RunningPlatform platform;
    private WebDriver browser;
    private WebDriverWait wait;
    private Path screenshots;
    private int shot;

    @BeforeAll
    void start() throws Exception {
        // A missing browser is a failure, not a skip: CI installs it (.ci/run), and a UI nobody tested is untested.
        File driver = new File(System.getProperty("proeftuin.chromedriver", CHROMEDRIVER));
        if (!driver.canExecute()) {
            fail("chromedriver not found at " + driver + ": install Debian's chromium and chromium-driver"
                    + " (apt-get install -y chromium chromium-driver; .ci/run does this) or set -Dproeftuin.chromedriver=<path>");
        }
        String chromium = null;
        for (String candidate : CHROMIUM) {
            if (new File(candidate).canExecute()) {
                chromium = candidate;
            }
        }
        if (chromium == null) {
            fail("chromium not found (looked at " + String.join(", ", CHROMIUM) + "): apt-get install -y chromium chromium-driver");
        }
        screenshots = Path.of(System.getProperty("proeftuin.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        try (var old = Files.list(screenshots)) {
            for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(png);
            }
        }
        platform = RunningPlatform.start(Path.of(System.getProperty("proeftuin.assembly", "../distribution/target/assembly")),
                Path.of(System.getProperty("proeftuin.work", "target/platform")));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1600", "--lang=nl-NL");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    @Test
    void aPilotDayInTheBrowser() throws Exception {
        try {
            scenario();
        } catch (Exception | AssertionError e) {
            screenshot("failure");
            String status = browser.findElements(By.id("status")).stream().map(WebElement::getText).findFirst().orElse("");
            throw new AssertionError("failed at " + browser.getCurrentUrl() + " (status: " + status + "); screenshot "
                    + screenshots.resolve(String.format("%02d-failure.png", shot)) + "; platform log "
                    + platform.home.resolve("data/log/karaf.log"), e);
        }
    }

    private void scenario() throws Exception {
        // the platform's root leads to the UI, in Dutch by default
        browser.get(platform.url("/"));
        wait.until(ExpectedConditions.urlContains("/ui/"));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertEquals("nl", browser.findElement(By.tagName("html")).getAttribute("lang"));
        accessible("login");
        signIn(form);
        screenshot("cases");

        // keyboard: the first Tab reaches the skip link, further Tabs reach the menu and the language switch
        keyboardReachesTheMainControls();

        // open a case from a signal
        click(By.cssSelector("nav a[href='#/signal']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signal-form")));
        new Select(browser.findElement(By.name("source"))).selectByValue("SCHOOL");
        type(By.name("municipality"), "Ede");
        type(By.name("description"), "Sanne komt vaak met blauwe plekken op school.");
        WebElement first = browser.findElements(By.cssSelector(".member")).get(0);
        fillMember(first, "Sanne", "Jansen", "2016-05-01", "CHILD");
        click(By.id("add-member"));
        WebElement second = browser.findElements(By.cssSelector(".member")).get(1);
        fillMember(second, "Mark", "Jansen", "1985-02-02", "PARENT");
        accessible("signal");
        screenshot("signal");
        click(By.id("open-case"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sanne"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("family-graph")));
        assertEquals(2, browser.findElements(By.cssSelector("#family-graph g.node")).size(), "both persons drawn");

        // assign a team: the user becomes the fixed professional who also holds the regie (with login,
        // that assignment is also what gives the user need to know on the case)
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assign-form")));
        type(By.name("proName"), "Ans de Wit");
        type(By.name("proId"), RunningPlatform.USER);
        type(By.name("organisation"), "Sociaal Team Ede");
        new Select(browser.findElement(By.name("role"))).selectByValue("FIXED_PROFESSIONAL");
        click(By.name("casusregie"));
        submit(By.id("assign-form"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("team-size"), "1"));
        WebElement team = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("team-table")));
        assertTrue(team.getText().contains("Vaste professional") && team.getText().contains("Regie"), team.getText());

        // write the plan: a goal, an agreement and a condition with its consequence
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-form")));
        type(editor.findElement(By.cssSelector("#goals textarea[name=description]")), "Sanne voelt zich thuis veilig.");
        click(By.id("add-agreements"));
        type(editor.findElement(By.cssSelector("#agreements input[name=description]")), "Er wordt thuis niet geslagen.");
        type(editor.findElement(By.cssSelector("#agreements input[name=who]")), "Vader en moeder");
        click(By.id("add-conditions"));
        type(editor.findElement(By.cssSelector("#conditions input[name=description]")), "Vader gaat naar de cursus.");
        type(editor.findElement(By.cssSelector("#conditions input[name=consequence]")), "Dan vragen we de rechter om hulp.");
        type(editor.findElement(By.name("familyView")), "We willen dat het thuis rustig en veilig is.");
        accessible("plan editor");
        screenshot("plan-editor");
        click(By.id("save-plan"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-version"), "Versie 1"));

        // revise it: a second condition makes version 2, and the diff shows it
        click(By.cssSelector("#plan-editor > summary"));
        click(By.id("add-conditions"));
        List<WebElement> conditions = browser.findElements(By.cssSelector("#conditions .condition"));
        WebElement added = conditions.get(conditions.size() - 1);
        type(added.findElement(By.name("description")), "Moeder belt elke week met de vaste professional.");
        type(added.findElement(By.name("consequence")), "Dan komen we vaker langs.");
        type(By.name("note"), "Afspraak met moeder erbij");
        click(By.id("save-plan"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-version"), "Versie 2"));
        submit(By.id("diff-form"));
        WebElement diff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#plan-diff li")));
        assertTrue(diff.getText().contains("Moeder belt"), diff.getText());
        accessible("case page");
        screenshot("case");

        // the family view: the plan in plain words, with who is involved and the consequences; printable
        click(By.id("family-view-link"));
        WebElement view = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("family-view")));
        assertTrue(view.getText().contains("Ans de Wit"), view.getText());
        assertTrue(view.getText().contains("Dan vragen we de rechter om hulp"), view.getText());
        assertFalse(browser.findElements(By.cssSelector("link[rel=stylesheet][media=print]")).isEmpty(), "print stylesheet");
        screenshot("family-view");

        // the coordinator binds triage for the region, then rebinds it to another plugin
        click(By.cssSelector("nav a[href='#/coordinator']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bind-form")));
        bindTriage("example-triage", "Start van de proeftuin");
        WebElement bindings = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bindings")));
        assertTrue(bindings.getText().contains("example-triage"), bindings.getText());
        click(By.cssSelector("#bindings button"));
        bindTriage("triage-threeway", "Regio kiest de drieslag");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bindings"), "triage-threeway"));
        WebElement history = browser.findElement(By.id("binding-history"));
        assertTrue(history.getText().contains("example-triage → triage-threeway"), history.getText());
        accessible("coordinator");
        screenshot("coordinator");

        // the monitor: charts per municipality and the region, and the CSV
        click(By.cssSelector("nav a[href='#/monitor']"));
        WebElement rows = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("monitor-rows")));
        assertTrue(rows.getText().contains("Ede"), rows.getText());
        assertTrue(browser.findElements(By.cssSelector("#monitor-body svg.chart")).size() >= 5, "five charts");
        assertTrue(browser.findElement(By.id("monitor-csv")).isEnabled());
        // the CSV as the download button fetches it: through the UI's API client, with the user's credentials
        String csv = String.valueOf(((JavascriptExecutor) browser).executeAsyncScript(String.join("\n",
                "const done = arguments[arguments.length - 1];",
                "import('/ui/js/api.js').then((api) => api.get('/monitor.csv', { accept: 'text/csv' }))",
                "  .then(done, (e) => done('ERROR ' + e.message));")));
        assertTrue(csv.startsWith("scope,measure,label,value"), csv);
        assertTrue(csv.contains("Ede,lead_time_days,count,1"), "the plan was first help: " + csv);
        accessible("monitor");
        screenshot("monitor");

        // English is available: the language switch sets the lang attribute and the texts
        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "My cases"));
        screenshot("monitor-en");
    }

    private void signIn(WebElement form) {
        if (!form.findElements(By.name("password")).isEmpty()) {
            // Login exists on this platform: credentials for a test user come from the build.
            // Login exists on this platform: the user RunningPlatform wrote into etc/proeftuin-users.properties.
            type(By.name("username"), RunningPlatform.USER);
            type(By.name("password"), RunningPlatform.PASSWORD);
        } else {
            // Until login exists the UI asks who is working and sends it as X-Actor-Id/X-Actor-Name.
            type(By.name("actorId"), "ans");
            type(By.name("actorName"), "Ans de Wit");
        }
        submit(By.id("login-form"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-results")));
        assertTrue(browser.findElement(By.id("who")).getText().contains("Ans") || browser.findElement(By.id("who")).getText().length() > 0);
    }

    private void keyboardReachesTheMainControls() {
        browser.navigate().refresh(); // a fresh page load: focus starts at the top
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-results")));
        List<String> reached = new ArrayList<>();
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < 12; i++) {
            WebElement active = browser.switchTo().activeElement();
            reached.add(active.getTagName() + "#" + active.getAttribute("id") + "[" + active.getAttribute("href") + "]");
            active.sendKeys(Keys.TAB);
        }
        assertTrue(reached.get(0).startsWith("a#skip-link"), "first Tab: skip link, got " + reached);
        assertTrue(reached.stream().anyMatch(r -> r.contains("#/signal")), "menu reachable: " + reached);
        assertTrue(reached.stream().anyMatch(r -> r.startsWith("select#language")), "language reachable: " + reached);
        assertTrue(reached.stream().anyMatch(r -> r.startsWith("input#")), "the search form reachable: " + reached);
        String outline = (String) ((JavascriptExecutor) browser).executeScript(
                "const a=document.getElementById('skip-link'); a.focus(); return getComputedStyle(a).outlineStyle;");
        assertEquals("solid", outline, "a visible focus style");
    }

    private void bindTriage(String plugin, String reason) {
        new Select(browser.findElement(By.name("point"))).selectByValue("TRIAGE");
        browser.findElement(By.name("municipality")).clear();
        new Select(browser.findElement(By.name("pluginId"))).selectByValue(plugin);
        type(By.name("reason"), reason);
        submit(By.id("bind-form"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "koppeling"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bindings"), plugin));
    }

    private void fillMember(WebElement member, String given, String family, String born, String role) {
        type(member.findElement(By.name("givenName")), given);
        type(member.findElement(By.name("familyName")), family);
        date(member.findElement(By.name("dateOfBirth")), born);
        member.findElement(By.name("role-" + role)).click();
    }

    /** A date input's value set as the UI would receive it (typing into it depends on the browser's locale). */
    private void date(WebElement input, String iso) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, iso);
    }

    private void type(By by, String text) {
        type(wait.until(ExpectedConditions.elementToBeClickable(by)), text);
    }

    private void type(WebElement el, String text) {
        el.clear();
        el.sendKeys(text);
    }

    private void click(By by) {
        WebElement el = wait.until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", el);
        el.click();
    }

    private void submit(By form) {
        WebElement f = browser.findElement(form);
        WebElement button = f.findElement(By.cssSelector("button[type=submit]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    /**
     * Basic accessibility of the current page: every visible input, select and textarea has a label
     * (label[for], a wrapping label, aria-label or aria-labelledby), every button and link has a
     * name, and text contrast is at least 4.5:1 against the nearest opaque background.
     */
    @SuppressWarnings("unchecked")
    private void accessible(String page) {
        Map<String, Object> found = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(String.join("\n",
                "const unlabelled = [];",
                "for (const el of document.querySelectorAll('input, select, textarea')) {",
                "  if (el.type === 'hidden') continue;",
                "  const ok = (el.id && document.querySelector('label[for=\"' + CSS.escape(el.id) + '\"]'))",
                "    || el.closest('label') || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');",
                "  if (!ok) unlabelled.push(el.outerHTML.slice(0, 120));",
                "}",
                "const unnamed = [];",
                "for (const el of document.querySelectorAll('button, a[href]')) {",
                "  if (!(el.textContent.trim() || el.getAttribute('aria-label'))) unnamed.push(el.outerHTML.slice(0, 120));",
                "}",
                "function rgb(c) { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }",
                "function lum(c) { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };",
                "  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); }",
                "function background(el) { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);",
                "  if (c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; }",
                "const lowContrast = [];",
                "for (const el of document.querySelectorAll('body *')) {",
                "  if (el.closest('svg') || !el.offsetParent) continue;",
                "  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());",
                "  if (!own) continue;",
                "  const st = getComputedStyle(el);",
                "  const fg = rgb(st.color), bg = background(el);",
                "  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);",
                "  const ratio = (hi + 0.05) / (lo + 0.05);",
                "  if (ratio < 4.5) lowContrast.push(el.tagName + ' ' + ratio.toFixed(2) + ': ' + el.textContent.trim().slice(0, 40));",
                "}",
                "return {unlabelled, unnamed, lowContrast};"));
        assertEquals(List.of(), found.get("unlabelled"), page + ": controls without a label");
        assertEquals(List.of(), found.get("unnamed"), page + ": buttons or links without a name");
        assertEquals(List.of(), found.get("lowContrast"), page + ": text with contrast below 4.5:1");
    }

    private void screenshot(String name) throws IOException {
        shot++;
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(String.format("%02d-%s.png", shot, name)), png);
    }
}
