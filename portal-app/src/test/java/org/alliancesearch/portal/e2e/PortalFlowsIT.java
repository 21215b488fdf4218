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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** Analyst flows in a real browser against the real stack (issue 8). */
class PortalFlowsIT {
    static final String SHARED_DOMAIN = "update-check.alliance-demo.example";

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
    void hostileMemberContentIsShownAsText() throws Exception {
        demo.members().instance("org-c").setFault(Fault.parse("hostile"));
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "alice");
            WebElement results = search(b, SHARED_DOMAIN);
            assertThatThrownBy(() -> b.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(results.findElements(By.cssSelector("script, img, iframe, svg, [onerror], [onload]")))
                    .as("no element injected by member data").isEmpty();
            assertThat(b.driver.findElement(By.id("result-table")).getText()).as("markup shown as text")
                    .containsAnyOf("<script", "<img", "<b>", "<svg");
            b.screenshot("4-hostile-member");
        }
    }

    @Test
    void analystGetsTheForbiddenPageOnAdminPages() throws Exception {
        try (Browser b = new Browser("en")) {
            b.signIn(portal, "alice");
            b.driver.get(portal + "/admin/members");
            assertThat(b.waitFor(By.tagName("h1")).getText()).isEqualTo("Not allowed");
            b.screenshot("5-admin-forbidden");
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

}
