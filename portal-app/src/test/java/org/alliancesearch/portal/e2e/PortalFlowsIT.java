package org.alliancesearch.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import org.alliancesearch.demo.AllianceDemo;
import org.alliancesearch.simulator.Fault;
import org.alliancesearch.simulator.SimulatedMisp;
import org.alliancesearch.simulator.SimulatorCluster;
import org.alliancesearch.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Analyst flows in a real browser against the real stack (issue 8). */
class PortalFlowsIT {
    static final String SHARED_DOMAIN = "update-check.alliance-demo.example";
    /** org-b holds it as sha256, org-c as the second half of its own filename|sha256 record. */
    static final String SHARED_SHA256 = "9f2b5c1e4d7a8b3c6e0f1a2d5b8c7e4f3a6d9b2c5e8f1a4d7b0c3e6f9a2d5b8c";

    static AllianceDemo demo;
    static String portal;

    @BeforeAll
    static void startStack() throws Exception {
        demo = E2eStack.get();
        portal = demo.portal().url();
    }

    @AfterEach
    void resetFaults() {
        for (String org : List.of("org-a", "org-b", "org-c")) {
            demo.members().instance(org).setFault(Fault.parse("none"));
        }
    }

    private static WebElement search(Browser b, String values) {
        b.driver.get(portal + "/search");
        WebElement box = b.waitFor(By.id("values"));
        box.clear();
        box.sendKeys(values);
        b.driver.findElement(By.id("search-button")).click();
        return b.waitFor(By.cssSelector("#search-results"));
    }

    private static List<WebElement> rowsFor(Browser b, String value) {
        return b.driver.findElements(By.cssSelector("#result-table tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("td.value code")).getText().equals(value)).toList();
    }

    private static String chips(Browser b) {
        return b.driver.findElements(By.cssSelector("#search-results ul.chips.members li.chip")).stream()
                .map(WebElement::getText).collect(Collectors.joining("\n"));
    }

    @Test
    void sharedValueIsOneMergedRowAndTheCsvHoldsIt() throws Exception {
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "alice");
            search(b, SHARED_DOMAIN);
            List<WebElement> rows = rowsFor(b, SHARED_DOMAIN);
            assertThat(rows).as("one merged row for the shared domain").hasSize(1);
            List<String> orgs = rows.get(0).findElements(By.cssSelector("span.badge.org")).stream()
                    .map(WebElement::getText).toList();
            assertThat(orgs).as("organisations named on the merged row").hasSizeGreaterThanOrEqualTo(2)
                    .doesNotHaveDuplicates();
            assertThat(b.driver.findElements(By.cssSelector("#search-results ul.chips.members li.chip")))
                    .as("one status chip per member").hasSize(3);
            assertThat(chips(b)).contains("answered");

            // The export form posts; replay it with the browser's session cookies.
            WebElement form = b.driver.findElement(By.cssSelector("form.export"));
            StringBuilder body = new StringBuilder();
            for (WebElement input : form.findElements(By.cssSelector("input[type=hidden]"))) {
                body.append(enc(input.getAttribute("name"))).append('=').append(enc(input.getAttribute("value")))
                        .append('&');
            }
            body.append("format=csv");
            String cookies = b.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(portal + "/search/export")).header("Cookie", cookies)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
            List<String> lines = csv.body().lines().filter(l -> l.contains(SHARED_DOMAIN)).toList();
            assertThat(lines).as("CSV rows for the shared domain").hasSize(1);
            for (String org : orgs) {
                assertThat(lines.get(0)).contains(org);
            }
            b.screenshot("1-merged-search-and-csv");
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void defangedReportIsExtractedConfirmedAndSearched() throws Exception {
        String sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "alice");
            b.driver.get(portal + "/search");
            WebElement text = b.waitFor(By.id("text"));
            text.sendKeys("Phishing seen at hxxp://evil[.]example/a from 1.2.3[.]4, dropper " + sha);
            b.driver.findElement(By.cssSelector("button[name=action][value=extract]")).click();
            WebElement extracted = b.waitFor(By.id("extracted"));
            List<String> picks = extracted.findElements(By.cssSelector("input[name=pick]")).stream()
                    .map(e -> e.getAttribute("value")).toList();
            assertThat(picks).contains("http://evil.example/a", "1.2.3.4", sha);
            b.driver.findElement(By.id("search-button")).click();
            b.waitFor(By.id("search-results"));
            // The search ran for the confirmed, refanged indicators (carried by the export form) at every member.
            String searched = b.driver.findElement(By.cssSelector("form.export input[name=values]"))
                    .getAttribute("value");
            assertThat(searched).contains("http://evil.example/a", "1.2.3.4", sha);
            assertThat(b.driver.findElements(By.cssSelector("#search-results ul.chips.members li.chip")))
                    .hasSize(3);
            b.screenshot("2-defanged-report");
        }
    }

    @Test
    void aDownMemberIsNamedWhileTheOthersAnswer() throws Exception {
        demo.members().instance("org-c").setFault(Fault.parse("down"));
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "alice");
            search(b, SHARED_DOMAIN);
            assertThat(rowsFor(b, SHARED_DOMAIN)).hasSize(1);
            WebElement bad = b.waitFor(By.cssSelector("#search-results li.chip.bad"));
            assertThat(bad.getText()).as("the failed member's chip says what happened").containsAnyOf("failed",
                    "timed out", "paused");
            assertThat(b.driver.findElements(By.cssSelector("#search-results li.chip.bad"))).hasSize(1);
            assertThat(chips(b)).contains("answered");
            b.screenshot("3-member-down");
        }
    }

    @Test
    void aSlowMemberIsShownWaitingThenTimedOutWhileTheOthersAnswer() throws Exception {
        // Longer than the member's 10 s timeout (set by the launcher when it onboards the members).
        demo.members().instance("org-c").setFault(Fault.parse("latency=14000"));
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "alice");
            b.driver.get(portal + "/search");
            b.waitFor(By.id("values")).sendKeys(SHARED_DOMAIN);
            b.driver.findElement(By.id("search-button")).click();
            // While org-c is still working, the two others are already listed as answered.
            b.wait.until(d -> d.findElements(By.cssSelector("#live-members li.chip")).size() == 2);
            assertThat(b.driver.findElement(By.id("progress")).getText()).isEqualTo("2 of 3 members replied");
            assertThat(b.driver.findElements(By.id("result-table"))).as("the result waits for the slow member")
                    .isEmpty();
            assertThat(b.driver.findElement(By.id("live-members")).getText()).contains("MISP org-a", "MISP org-b")
                    .doesNotContain("MISP org-c");

            b.waitFor(By.id("result-table"));
            assertThat(rowsFor(b, SHARED_DOMAIN)).hasSize(1);
            WebElement bad = b.driver.findElement(By.cssSelector("#search-results li.chip.bad"));
            assertThat(bad.getText()).contains("MISP org-c").containsPattern("timed out after \\d+(\\.\\d)? s");
            assertThat(b.driver.findElement(By.cssSelector("#search-results p.progress")).getText())
                    .isEqualTo("2 of 3 members answered");
            assertThat(b.driver.findElement(By.cssSelector("#search-results p.warning")).getText())
                    .startsWith("1 member did not answer: MISP org-c timed out");
            b.screenshot("3-member-slow");
        }
    }

    @Test
    void hostileMemberContentIsShownAsText() throws Exception {
        demo.members().instance("org-c").setFault(Fault.parse("hostile"));
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "alice");
            WebElement results = search(b, SHARED_DOMAIN);
            assertThatThrownBy(() -> b.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(results.findElements(By.cssSelector("script, img, iframe, svg, [onerror], [onload]")))
                    .as("no element injected by member data").isEmpty();
            // org-c's doctored copies of the others' records change nothing of the honest row: the creator's own
            // copy speaks for a record's tags and fields.
            List<WebElement> clean = rowsFor(b, SHARED_DOMAIN);
            assertThat(clean).hasSize(1);
            assertThat(clean.get(0).findElements(By.cssSelector("span.badge.org")).stream().map(WebElement::getText))
                    .contains("org-a", "org-b");
            assertThat(clean.get(0).getText()).as("the honest row carries none of org-c's markup")
                    .doesNotContain("<script", "<img", "<svg");
            assertThat(clean.get(0).findElement(By.cssSelector("ul.events")).getText())
                    .as("the honest row's events come from the honest members").contains("via MISP org-a");
            b.screenshot("4-hostile-member-copies");

            // A record org-c holds itself shows its markup, as text.
            results = search(b, SHARED_SHA256);
            assertThatThrownBy(() -> b.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(results.findElements(By.cssSelector("script, img, iframe, svg, [onerror], [onload]")))
                    .as("no element injected by member data").isEmpty();
            assertThat(b.driver.findElement(By.id("result-table")).getText()).as("markup shown as text")
                    .containsAnyOf("<script", "<img", "<b>", "<svg");
            b.screenshot("4-hostile-member");
        }
    }

    @Test
    void adminOnboardsAMemberTestsItAndSeesItsHealth() throws Exception {
        // A fourth organisation's MISP, not yet part of the alliance.
        try (SimulatorCluster newcomers = SimulatorCluster
                .start(SimulatorOptions.builder().instances(4).basePort(0).seed(7).adminPort(-1).build());
                Browser b = new Browser("en")) {
            SimulatedMisp delta = newcomers.instance("org-d");
            String name = "Delta CSIRT MISP";
            b.signIn(portal, "admin");
            b.driver.get(portal + "/admin/members");
            b.waitFor(By.cssSelector("a[href='/admin/members/new']")).click();
            b.waitFor(By.id("name")).sendKeys(name);
            b.driver.findElement(By.id("organisation")).sendKeys("org-d");
            b.driver.findElement(By.id("url")).sendKeys(delta.url());
            b.driver.findElement(By.id("apiKey")).sendKeys(delta.apiKey());
            b.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();

            WebElement row = b.wait.until(d -> memberRow(b, name));
            assertThat(row.getText()).contains("org-d").contains(delta.url()).doesNotContain(delta.apiKey());
            assertThat(b.driver.getPageSource()).as("the key is never shown").doesNotContain(delta.apiKey());

            row.findElement(By.cssSelector("form[action$='/test'] button")).click();
            WebElement result = b.waitFor(By.id("test-result"));
            assertThat(result.getAttribute("class")).contains("ok");
            assertThat(b.driver.findElement(By.cssSelector("dl.facts")).getText()).contains("org-d");
            b.screenshot("5-admin-member-tested");

            // The new member takes part in searches at once, and its health shows that.
            search(b, SHARED_DOMAIN);
            assertThat(b.driver.findElements(By.cssSelector("#search-results ul.chips.members li.chip")))
                    .hasSize(4);
            assertThat(chips(b)).contains(name);
            b.driver.get(portal + "/admin/health");
            WebElement health = b.wait.until(d -> memberRow(b, name));
            assertThat(health.findElement(By.cssSelector("span.chip.status")).getText()).isEqualTo("OK");
            assertThat(health.getText()).contains("CLOSED");
            b.screenshot("5-admin-member-health");

            // Offboard it again, so the other flows see the three founding members.
            b.driver.get(portal + "/admin/members");
            b.wait.until(d -> memberRow(b, name)).findElement(By.cssSelector("form[action$='/delete'] button"))
                    .click();
            b.wait.until(d -> d.findElements(By.cssSelector("h1")).size() == 1 && memberRow(b, name) == null);
        }
    }

    /** The admin table row naming this member, or null. */
    private static WebElement memberRow(Browser b, String name) {
        return b.driver.findElements(By.cssSelector("table.table tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("td.member-name")).getText().startsWith(name)).findFirst()
                .orElse(null);
    }

    @Test
    void analystGetsTheForbiddenPageOnAdminPages() throws Exception {
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "alice");
            for (String page : List.of("/admin/members", "/admin/members/new", "/admin/health", "/admin/policy",
                    "/admin/search-audit")) {
                b.driver.get(portal + page);
                assertThat(b.waitFor(By.tagName("h1")).getText()).as(page).isEqualTo("Not allowed");
            }
            assertThat(b.driver.findElements(By.cssSelector("a[href='/admin/members']")))
                    .as("no admin links for an analyst").isEmpty();
            b.screenshot("5-admin-forbidden");
        }
    }

    @Test
    void aSearchSharedWithTheOrganisationReachesColleaguesOnly() throws Exception {
        String name = "C2 watch " + System.nanoTime();
        String link;
        try (Browser alice = new Browser("en")) {
            alice.signIn(portal, "alice");
            alice.driver.get(portal + "/search");
            search(alice, SHARED_DOMAIN);
            alice.driver.findElement(By.cssSelector("button.save-link")).click();
            alice.waitFor(By.id("name")).sendKeys(name);
            new Select(alice.driver.findElement(By.id("visibility"))).selectByValue("ORGANISATION");
            assertThat(alice.driver.findElement(By.id("values")).getAttribute("value")).contains(SHARED_DOMAIN);
            alice.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
            WebElement saved = alice.wait.until(d -> savedLink(alice, name));
            link = saved.getAttribute("href");
            assertThat(link).matches(".*/saved/[0-9a-f-]{36}$");
            alice.screenshot("6-saved-by-alice");
        }
        try (Browser bob = new Browser("en")) {
            bob.signIn(portal, "bob");
            bob.driver.get(portal + "/saved");
            bob.waitFor(By.tagName("h1"));
            assertThat(savedLink(bob, name)).as("another organisation does not see it").isNull();
            assertThat(bob.driver.getPageSource()).doesNotContain(name);
            bob.driver.get(link);
            assertThat(bob.waitFor(By.tagName("h1")).getText()).isEqualTo("Not found");
            assertThat(bob.driver.getPageSource()).doesNotContain(name).doesNotContain(SHARED_DOMAIN);
            bob.screenshot("6-saved-hidden-from-bob");
        }
        try (Browser dave = new Browser("en")) {
            dave.signIn(portal, "dave");
            dave.driver.get(portal + "/saved");
            dave.wait.until(d -> savedLink(dave, name)).click();
            assertThat(dave.waitFor(By.id("saved-name")).getText()).isEqualTo(name);
            assertThat(dave.driver.findElement(By.id("saved-facts")).getText()).contains("My organisation")
                    .contains("alice");
            assertThat(dave.driver.findElements(By.cssSelector("a[href$='/edit']"))).as("only alice may change it")
                    .isEmpty();
            dave.driver.findElement(By.id("run-saved")).click();
            dave.waitFor(By.id("result-table"));
            assertThat(rowsFor(dave, SHARED_DOMAIN)).hasSize(1);
            assertThat(dave.waitFor(By.tagName("h1")).getText()).contains(name);
            dave.screenshot("6-saved-run-by-dave");
        }
    }

    /** The link to this saved search in the list on the current page, or null. */
    private static WebElement savedLink(Browser b, String name) {
        return b.driver.findElements(By.cssSelector("a.saved-link")).stream()
                .filter(a -> a.getText().equals(name)).findFirst().orElse(null);
    }

    @Test
    void theSummaryComesFirstWithABenignValueAndAPivotInBothLanguages() throws Exception {
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "alice");
            search(b, SHARED_DOMAIN + "\n8.8.8.8\n185.220.101.77");
            WebElement summary = b.waitFor(By.id("summary-table"));
            List<String> values = summary.findElements(By.cssSelector("tbody tr")).stream()
                    .map(r -> r.getAttribute("data-value")).toList();
            assertThat(values).containsExactly(SHARED_DOMAIN, "8.8.8.8", "185.220.101.77");
            WebElement shared = summary.findElement(By.cssSelector("tr[data-value='" + SHARED_DOMAIN + "']"));
            assertThat(shared.getText()).contains("organisations:");
            assertThat(Integer.parseInt(shared.findElement(By.cssSelector("span.score")).getText())).isPositive();
            WebElement resolver = summary.findElement(By.cssSelector("tr[data-value='8.8.8.8']"));
            assertThat(resolver.getAttribute("class")).contains("score-benign");
            assertThat(resolver.getText()).contains("List of known IPv4 public DNS resolvers");
            assertThat(summary.findElement(By.cssSelector("tr[data-value='185.220.101.77']")).getText())
                    .containsAnyOf("Not found in any member", "Not found in the members that answered");
            b.screenshot("8-summary-benign-and-unknown");

            search(b, "hxxps://" + SHARED_DOMAIN.replace(".", "[.]") + "/check");
            WebElement pivot = b.waitFor(By.cssSelector("#summary-table tr[data-value='" + SHARED_DOMAIN + "']"));
            assertThat(pivot.getText()).contains("Host of https://" + SHARED_DOMAIN + "/check");
            b.screenshot("8-summary-pivot");
        }
        try (Browser b = new Browser("ja")) {
            b.signIn(portal, "alice");
            b.driver.get(portal + "/search");
            b.waitFor(By.cssSelector("a[href='/lang?to=ja']")).click();
            b.wait.until(d -> "ja".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            search(b, "8.8.8.8\n185.220.101.77");
            WebElement summary = b.waitFor(By.id("summary-table"));
            assertThat(summary.getText()).contains("警告リスト（既知の無害な値）")
                    .containsAnyOf("どのメンバーにも見つかりません", "応答したメンバーには見つかりません");
            b.screenshot("8-summary-japanese");
        }
    }

    @Test
    void myHistoryInBothLanguagesWithTimesInTheReadersZone() throws Exception {
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "carol");
            search(b, SHARED_DOMAIN);
            b.driver.get(portal + "/history");
            WebElement row = b.waitFor(By.cssSelector("#history-table tbody tr"));
            assertThat(row.getText()).contains(SHARED_DOMAIN);
            String iso = row.findElement(By.tagName("time")).getAttribute("datetime");
            assertThat(iso).endsWith("Z");
            assertThat(row.findElement(By.tagName("time")).getText()).endsWith(" UTC");
            assertThat(b.driver.findElement(By.cssSelector("a.zone")).getText()).isEqualTo("UTC");
            b.screenshot("9-history-english");

            b.waitFor(By.cssSelector("a[href='/lang?to=ja']")).click();
            b.wait.until(d -> "ja".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            b.driver.get(portal + "/history");
            assertThat(b.waitFor(By.tagName("h1")).getText()).isEqualTo("検索履歴");
            WebElement ja = b.waitFor(By.cssSelector("#history-table tbody tr time"));
            assertThat(ja.getAttribute("datetime")).isEqualTo(iso);
            assertThat(ja.getText()).endsWith(" JST (+09:00)");
            b.screenshot("9-history-japanese");

            // the reader picks a zone: every page follows
            b.driver.findElement(By.cssSelector("a.zone")).click();
            new org.openqa.selenium.support.ui.Select(b.waitFor(By.id("zone"))).selectByValue("Europe/Berlin");
            b.driver.findElement(By.cssSelector("form[action='/preferences'] button[type='submit']")).click();
            b.wait.until(d -> d.getCurrentUrl().contains("flash=preferences-saved"));
            b.driver.get(portal + "/history");
            assertThat(b.waitFor(By.cssSelector("#history-table tbody tr time")).getText())
                    .matches(".* (CET \\(\\+01:00\\)|CEST \\(\\+02:00\\))");
            assertThat(b.driver.findElement(By.cssSelector("a.zone")).getText()).isEqualTo("Europe/Berlin");
            b.screenshot("9-history-zone-chosen");
        }
    }

    @Test
    void japaneseUi() throws Exception {
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "alice");
            b.driver.get(portal + "/search");
            b.waitFor(By.cssSelector("a[href='/lang?to=ja']")).click();
            b.wait.until(d -> "ja".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            b.driver.get(portal + "/search");
            assertThat(b.waitFor(By.id("search-button")).getText()).isEqualTo("検索");
            search(b, SHARED_DOMAIN);
            assertThat(b.driver.findElement(By.cssSelector("#result-table thead")).getText()).contains("値", "組織");
            assertThat(chips(b)).contains("回答済み");
            b.screenshot("7-japanese");
        }
    }

    /** Adds one published event at run time to a simulated member, changed an hour ago, with these tags. */
    private static void plant(String org, String info, String type, String value, List<String> tags) {
        long ts = java.time.Instant.now().minusSeconds(3600).getEpochSecond();
        String day = java.time.LocalDate.ofInstant(java.time.Instant.ofEpochSecond(ts), java.time.ZoneOffset.UTC)
                .toString();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var event = json.createObjectNode();
        var e = event.putObject("Event");
        e.put("info", info).put("date", day).put("published", true).put("timestamp", String.valueOf(ts))
                .put("publish_timestamp", String.valueOf(ts));
        var tagList = e.putArray("Tag");
        tagList.addObject().put("name", "tlp:green");
        tags.forEach(t -> tagList.addObject().put("name", t));
        e.putArray("Attribute").addObject().put("type", type).put("category", "Network activity")
                .put("to_ids", true).put("value", value).put("timestamp", String.valueOf(ts));
        assertThat(demo.members().instance(org).addEvents(event)).isEqualTo(1);
    }

    /** The unread count the bell shows on the current page ("0" when it shows none). */
    private static String bell(Browser b) {
        List<WebElement> count = b.driver.findElements(By.cssSelector("#bell span.count"));
        return count.isEmpty() ? "0" : count.get(0).getText();
    }

    @Test
    void aWatchRunNowFiresIntoTheInboxAndTheBell() throws Exception {
        String value = "fresh-" + System.nanoTime() + ".watch.alliance-demo.example";
        String name = "Watch " + value;
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "dave");
            // nobody holds the value yet; dave saves the search and watches it with the inbox
            search(b, value);
            assertThat(rowsFor(b, value)).isEmpty();
            b.waitFor(By.cssSelector("button.save-link")).click();
            b.waitFor(By.id("name")).sendKeys(name);
            b.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
            b.wait.until(d -> savedLink(b, name)).click();
            String savedPage = b.wait.until(d -> d.getCurrentUrl().matches(".*/saved/[0-9a-f-]{36}$")
                    ? d.getCurrentUrl()
                    : null);
            new Select(b.waitFor(By.cssSelector("#watch-form select[name='interval']"))).selectByValue("DAILY");
            b.driver.findElement(By.id("watch-save")).click();
            b.wait.until(d -> d.getCurrentUrl().contains("flash=watch-created"));
            assertThat(bell(b)).isEqualTo("0");

            // the first run (at once) only sets what is known
            b.wait.until(d -> {
                d.navigate().refresh();
                return !d.findElements(By.id("watch-last-run")).isEmpty();
            });
            assertThat(bell(b)).as("the first run tells nothing").isEqualTo("0");

            // a member now holds the value, added while it runs
            plant("org-b", "Watched value seen", "domain", value, List.of());

            // run now (right after the first run it is too soon: wait, as the page says, and press again)
            b.wait.until(d -> {
                d.get(savedPage);
                d.findElement(By.id("watch-run-now")).click();
                return d.getCurrentUrl().contains("flash=watch-run-asked");
            });
            b.screenshot("10-watch-run-now-asked");
            b.wait.until(d -> {
                d.get(savedPage);
                return "1".equals(bell(b));
            });
            b.screenshot("10-watch-bell");

            // the inbox lists the alert: the new indicator and the member holding it, unread
            b.driver.findElement(By.id("bell")).click();
            WebElement entry = b.waitFor(By.cssSelector("#inbox li.inbox-entry.unread"));
            assertThat(b.driver.findElements(By.cssSelector("#inbox li.inbox-entry"))).hasSize(1);
            WebElement indicator = entry.findElement(By.cssSelector("ul.new-indicators li"));
            assertThat(indicator.getText()).contains(value).contains("org-b");
            assertThat(entry.getText()).contains(name).contains("unread");
            assertThat(entry.findElement(By.tagName("time")).getText()).endsWith(" UTC");
            b.screenshot("10-watch-inbox");

            // opening it and marking it read clears the count
            entry.findElement(By.cssSelector("form[action$='/read'] button")).click();
            b.wait.until(d -> d.findElements(By.cssSelector("#inbox li.inbox-entry.unread")).isEmpty());
            assertThat(bell(b)).isEqualTo("0");
            b.screenshot("10-watch-inbox-read");

            // pressing again at once is refused with the time to wait; nothing new is told twice
            b.driver.get(savedPage);
            b.waitFor(By.id("watch-run-now")).click();
            b.wait.until(d -> d.getCurrentUrl().contains("flash="));
            if (b.driver.getCurrentUrl().contains("flash=watch.run-too-soon")) {
                assertThat(b.driver.getPageSource()).contains("run it again in");
                b.screenshot("10-watch-run-too-soon");
            }
            Thread.sleep(5000);
            b.driver.get(portal + "/inbox");
            assertThat(b.waitFor(By.id("inbox")).findElements(By.cssSelector("li.inbox-entry"))).hasSize(1);
            assertThat(bell(b)).isEqualTo("0");
        }
    }

    @Test
    void anAdminRebuildsTheDigestAndAnAnalystReadsItInBothLanguages() throws Exception {
        String shared = "digest-" + System.nanoTime() + ".alliance-demo.example";
        List<String> tags = List.of("alliance-drill:campaign=\"Aurora Winter\"",
                "misp-galaxy:threat-actor=\"Aurora Bear\"");
        // two organisations report the same indicator this week; a third carries the same tags on another record
        plant("org-a", "Digest drill A", "domain", shared, tags);
        plant("org-b", "Digest drill B", "domain", shared, tags);
        plant("org-c", "Digest drill C", "domain", "other-" + shared, tags);

        String admin = org.alliancesearch.demo.MemberSeeder.accessToken(demo.keycloak().realmUrl("alliance"),
                AllianceDemo.CLIENT_ID, AllianceDemo.CLIENT_SECRET, "admin", "admin");
        HttpResponse<String> rebuilt = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(portal + "/api/v1/admin/digest/rebuild"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.body()).contains(shared);

        try (Browser b = new Browser("en")) {
            b.signIn(portal, "bob");
            b.driver.get(portal + "/digest");
            assertThat(b.waitFor(By.tagName("h1")).getText()).isNotBlank();
            WebElement row = b.driver.findElements(By.cssSelector("#digest-indicators tr.shared-indicator")).stream()
                    .filter(r -> r.getText().contains(shared)).findFirst().orElseThrow();
            assertThat(row.getText()).contains("org-a").contains("org-b").doesNotContain("org-c");
            assertThat(row.findElement(By.tagName("time")).getText()).endsWith(" UTC");
            assertThat(b.driver.findElement(By.id("digest-tags")).getText())
                    .contains("alliance-drill:campaign=\"Aurora Winter\"");
            assertThat(b.driver.findElement(By.id("digest-clusters")).getText()).contains("Aurora Bear");
            List<WebElement> members = b.driver.findElements(By.cssSelector("#digest-activity tr.member-activity"));
            for (String org : List.of("org-a", "org-b", "org-c")) {
                WebElement m = members.stream().filter(r -> r.getText().contains(org)).findFirst().orElseThrow();
                List<WebElement> cells = m.findElements(By.tagName("td"));
                assertThat(Integer.parseInt(cells.get(3).getText().replaceAll("[^0-9]", ""))).as(org + " events")
                        .isPositive();
            }
            assertThat(b.driver.findElement(By.cssSelector("#digest-built time")).getText()).contains("UTC");
            b.screenshot("11-digest-english");
            b.driver.executeScript("document.getElementById('digest-clusters').scrollIntoView();");
            b.screenshot("11-digest-clusters-and-members");

            b.waitFor(By.cssSelector("a[href='/lang?to=ja']")).click();
            b.wait.until(d -> "ja".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            b.driver.get(portal + "/digest");
            WebElement ja = b.waitFor(By.id("digest-indicators"));
            assertThat(ja.getText()).contains(shared);
            assertThat(b.driver.findElement(By.cssSelector("#digest-built time")).getText()).contains("JST (+09:00)");
            b.screenshot("11-digest-japanese");
        }
    }
}
