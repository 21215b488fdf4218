package org.alliancesearch.portal.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.alliancesearch.portal.common.net.AddressClass;
import org.alliancesearch.portal.common.net.AddressClassifier;
import org.alliancesearch.portal.extract.service.AddressRule;
import org.alliancesearch.portal.extract.service.ExtractService;
import org.alliancesearch.portal.extract.service.FetchRefusal;
import org.alliancesearch.portal.extract.service.FetchRefusedException;
import org.alliancesearch.portal.extract.service.FetchedReport;
import org.alliancesearch.portal.extract.service.FoundIndicator;
import org.alliancesearch.portal.extract.service.PublicAddressRule;
import org.alliancesearch.portal.extract.service.ReportFetcher;
import org.alliancesearch.portal.extract.service.ReportText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.Vertx;

/**
 * The fetch against real HTTP servers on loopback. The address rule is the production one with loopback allowed,
 * given through the constructor (a test cannot reach a public host); {@link #theProductionRuleRefusesLoopback()}
 * shows the production rule itself refuses the same servers.
 */
class ReportFetcherTest {
    static final String HTML = """
            <!doctype html><html><head><title>Campaign &lt;Shadow&gt; report</title>
            <script>var beacon = "9.9.9.9";</script><style>.ioc{color:red}</style></head>
            <body><h1>Shadow campaign</h1>
            <p>The loader beacons to hxxps://cdn-update[.]example-bad.com/gate.php and to 185.220.101[.]77.</p>
            <p class="ioc">Dropper SHA-256: 3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea</p>
            <p>Mail from attacker[@]phish-mail[.]net.</p></body></html>
            """;

    static WireMockServer web;
    static HttpServer raw;
    static Vertx vertx;
    static byte[] pdf;

    /** Loopback allowed (the test servers), everything else as in production. */
    static final AddressRule LOOPBACK_TOO = address -> AddressClassifier.classify(address) == AddressClass.LOOPBACK
            ? Optional.empty()
            : new PublicAddressRule(List.of()).refusal(address);

    static final ReportFetcher.Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        web = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        web.start();
        pdf = pdf();
        web.stubFor(get(urlPathEqualTo("/report.html"))
                .willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody(HTML)));
        web.stubFor(get("/advisory.pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
                .withBody(pdf)));
        web.stubFor(get("/iocs.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("evil-c2[.]com\n45.33.32[.]156\n")));
        web.stubFor(get("/big").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody(new byte[6 * 1024 * 1024])));
        web.stubFor(get("/slow").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("1.2.3.4 ".repeat(1000)).withChunkedDribbleDelay(20, 4000)));
        web.stubFor(get("/image.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(new byte[]{(byte) 0x89, 'P', 'N', 'G'})));
        web.stubFor(get("/no-type").willReturn(aResponse().withBody("1.2.3.4")));
        web.stubFor(get("/missing").willReturn(aResponse().withStatus(404)));
        redirect("/to-private", "http://10.0.0.1/report.html");
        redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        redirect("/to-mapped-metadata", "http://[::ffff:169.254.169.254]/latest/meta-data/");
        redirect("/to-file", "file:///etc/passwd");
        // four redirects: one too many
        redirect("/c1", "/c2");
        redirect("/c2", "/c3");
        redirect("/c3", "/c4");
        redirect("/c4", "/report.html");
        // three: allowed
        redirect("/d1", "/d2");
        redirect("/d2", web.baseUrl() + "/d3");
        redirect("/d3", "report.html");
        redirect("/l1", "/l2");
        redirect("/l2", "/l1");

        raw = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        raw.createContext("/chunked-big", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            byte[] piece = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 96; i++) { // 6 MiB
                    out.write(piece);
                }
            } catch (IOException e) {
                // the portal reset the connection after 5 MiB, as it should
            }
        });
        raw.start();
    }

    static void redirect(String from, String to) {
        web.stubFor(get(from).willReturn(aResponse().withStatus(302).withHeader("Location", to)));
    }

    @AfterAll
    static void stop() {
        web.stop();
        raw.stop(0);
        vertx.close();
    }

    static byte[] pdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            doc.getDocumentInformation().setTitle("Advisory ASP-2026-12");
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                text.newLineAtOffset(50, 700);
                text.showText("Command and control: 45.33.32[.]156 and hxxp://update-check[.]net/gate.php");
                text.newLineAtOffset(0, -18);
                text.showText("Exploited: CVE-2026-12345");
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static ReportFetcher fetcher(AddressRule rule, ReportFetcher.Resolver resolver,
            ReportFetcher.Limits limits) {
        return new ReportFetcher(vertx, rule, resolver, limits);
    }

    private static ReportFetcher loopbackFetcher() {
        return fetcher(LOOPBACK_TOO, SYSTEM, ReportFetcher.MAX);
    }

    private static FetchedReport fetch(ReportFetcher fetcher, String url) {
        return fetcher.fetch(url).await().atMost(Duration.ofSeconds(20));
    }

    private static FetchRefusedException refused(ReportFetcher fetcher, String url) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> fetch(fetcher, url)).as(url).isInstanceOf(FetchRefusedException.class)
                .satisfies(t -> thrown[0] = t);
        return (FetchRefusedException) thrown[0];
    }

    private static List<String> values(FetchedReport report) {
        return ExtractService.fromText(ReportText.read(report).text()).stream().map(FoundIndicator::value).toList();
    }

    @Test
    void anHtmlReportIsReadAsTextWithItsDefangedIndicators() {
        FetchedReport report = fetch(loopbackFetcher(), web.baseUrl() + "/report.html");
        assertThat(report.contentType()).isEqualTo("text/html");
        ReportText.Read read = ReportText.read(report);
        assertThat(read.title()).isEqualTo("Campaign <Shadow> report");
        assertThat(values(report)).contains("https://cdn-update.example-bad.com/gate.php", "185.220.101.77",
                "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea")
                // the script's code is not the report's text
                .doesNotContain("9.9.9.9");
        assertThat(ExtractService.fromText(read.text())).contains(new FoundIndicator("185.220.101.77", "ip-dst"));
    }

    @Test
    void aPdfAdvisoryIsReadWithPdfBox() {
        FetchedReport report = fetch(loopbackFetcher(), web.baseUrl() + "/advisory.pdf");
        assertThat(ReportText.read(report).title()).isEqualTo("Advisory ASP-2026-12");
        assertThat(values(report)).contains("45.33.32.156", "http://update-check.net/gate.php", "CVE-2026-12345");
    }

    @Test
    void plainTextIsRead() {
        assertThat(values(fetch(loopbackFetcher(), web.baseUrl() + "/iocs.txt"))).containsExactly("evil-c2.com",
                "45.33.32.156");
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        FetchRefusedException announced = refused(loopbackFetcher(), web.baseUrl() + "/big");
        assertThat(announced.reason()).isEqualTo(FetchRefusal.TOO_LARGE);
        assertThat(announced.number()).isEqualTo(5L * 1024 * 1024);
        // without Content-Length: read up to the limit, then the connection is reset
        FetchRefusedException streamed = refused(loopbackFetcher(),
                "http://127.0.0.1:" + raw.getAddress().getPort() + "/chunked-big");
        assertThat(streamed.reason()).isEqualTo(FetchRefusal.TOO_LARGE);
        // a smaller configured limit is applied as well
        FetchRefusedException small = refused(fetcher(LOOPBACK_TOO, SYSTEM,
                new ReportFetcher.Limits(Duration.ofSeconds(10), 100, 3)), web.baseUrl() + "/report.html");
        assertThat(small.reason()).isEqualTo(FetchRefusal.TOO_LARGE);
    }

    @Test
    void aSlowBodyTimesOutAsAWhole() {
        ReportFetcher fetcher = fetcher(LOOPBACK_TOO, SYSTEM, new ReportFetcher.Limits(Duration.ofSeconds(1),
                ReportFetcher.MAX.maxBytes(), 3));
        long start = System.nanoTime();
        FetchRefusedException e = refused(fetcher, web.baseUrl() + "/slow");
        assertThat(e.reason()).isEqualTo(FetchRefusal.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
    }

    @Test
    void redirectsToPrivateOrMetadataAddressesAreRefused() {
        for (String path : List.of("/to-private", "/to-metadata", "/to-mapped-metadata")) {
            FetchRefusedException e = refused(loopbackFetcher(), web.baseUrl() + path);
            assertThat(e.reason()).as(path).isEqualTo(FetchRefusal.PRIVATE_ADDRESS);
            assertThat(e.host()).as(path).isIn("10.0.0.1", "169.254.169.254", "::ffff:169.254.169.254");
        }
        assertThat(refused(loopbackFetcher(), web.baseUrl() + "/to-private").detail()).isEqualTo("private");
        assertThat(refused(loopbackFetcher(), web.baseUrl() + "/to-metadata").detail()).isEqualTo("metadata");
        assertThat(refused(loopbackFetcher(), web.baseUrl() + "/to-file").reason()).isEqualTo(FetchRefusal.SCHEME);
    }

    @Test
    void atMostThreeRedirectsAndNoLoops() {
        FetchRefusedException four = refused(loopbackFetcher(), web.baseUrl() + "/c1");
        assertThat(four.reason()).isEqualTo(FetchRefusal.REDIRECTS);
        assertThat(four.number()).isEqualTo(3);
        FetchedReport three = fetch(loopbackFetcher(), web.baseUrl() + "/d1");
        assertThat(three.redirects()).isEqualTo(3);
        assertThat(three.finalUrl()).isEqualTo(web.baseUrl() + "/report.html");
        assertThat(three.url()).isEqualTo(web.baseUrl() + "/d1");
        FetchRefusedException loop = refused(loopbackFetcher(), web.baseUrl() + "/l1");
        assertThat(loop.reason()).isEqualTo(FetchRefusal.REDIRECTS);
        assertThat(loop.detail()).isEqualTo("loop");
    }

    @Test
    void onlyHtmlTextAndPdfAreRead() {
        FetchRefusedException png = refused(loopbackFetcher(), web.baseUrl() + "/image.png");
        assertThat(png.reason()).isEqualTo(FetchRefusal.UNSUPPORTED_TYPE);
        assertThat(png.detail()).isEqualTo("image/png");
        assertThat(refused(loopbackFetcher(), web.baseUrl() + "/no-type").reason())
                .isEqualTo(FetchRefusal.UNSUPPORTED_TYPE);
        FetchRefusedException missing = refused(loopbackFetcher(), web.baseUrl() + "/missing");
        assertThat(missing.reason()).isEqualTo(FetchRefusal.HTTP_ERROR);
        assertThat(missing.number()).isEqualTo(404);
    }

    @Test
    void onlyHttpAndHttpsWithoutCredentials() {
        ReportFetcher fetcher = loopbackFetcher();
        for (String url : List.of("file:///etc/passwd", "ftp://example.org/report.txt", "gopher://example.org/",
                "javascript:alert(1)", "jar:http://example.org/a.jar!/x")) {
            assertThat(refused(fetcher, url).reason()).as(url).isEqualTo(FetchRefusal.SCHEME);
        }
        assertThat(refused(fetcher, "http://user:secret@example.org/").reason()).isEqualTo(FetchRefusal.USERINFO);
        for (String url : List.of("not a url", "http:///path", "", "http://exa mple.org/")) {
            assertThat(refused(fetcher, url).reason()).as(url).isEqualTo(FetchRefusal.INVALID);
        }
    }

    @Test
    void theProductionRuleRefusesLoopback() {
        ReportFetcher production = fetcher(new PublicAddressRule(List.of()), SYSTEM, ReportFetcher.MAX);
        int before = web.countRequestsMatching(getRequestedFor(urlPathEqualTo("/report.html")).build()).getCount();
        for (String url : List.of(web.baseUrl() + "/report.html",
                "http://localhost:" + web.port() + "/report.html",
                "http://[::ffff:127.0.0.1]:" + web.port() + "/report.html",
                "http://2130706433:" + web.port() + "/report.html",
                "http://0.0.0.0:" + web.port() + "/report.html")) {
            FetchRefusedException e = refused(production, url);
            assertThat(e.reason()).as(url).isIn(FetchRefusal.PRIVATE_ADDRESS, FetchRefusal.UNRESOLVED);
        }
        FetchRefusedException e = refused(production, web.baseUrl() + "/report.html");
        assertThat(e.detail()).isEqualTo("loopback");
        // nothing reached the server
        assertThat(web.countRequestsMatching(getRequestedFor(urlPathEqualTo("/report.html")).build()).getCount())
                .isEqualTo(before);
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWithTheNameAsHost() {
        // A rebinding name: loopback (allowed here) when first asked, a private address afterwards.
        AtomicInteger lookups = new AtomicInteger();
        ReportFetcher.Resolver rebinding = host -> {
            if (!host.equals("reports.vendor.test")) {
                return SYSTEM.resolve(host);
            }
            return List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.1"));
        };
        ReportFetcher fetcher = fetcher(LOOPBACK_TOO, rebinding, ReportFetcher.MAX);
        FetchedReport report = fetch(fetcher, "http://reports.vendor.test:" + web.port() + "/report.html?token=t1");
        // one lookup, and the connection went to its answer: the name itself resolves nowhere
        assertThat(lookups.get()).isEqualTo(1);
        assertThat(report.host()).isEqualTo("reports.vendor.test");
        web.verify(getRequestedFor(urlEqualTo("/report.html?token=t1")).withHeader("Host",
                WireMock.equalTo("reports.vendor.test:" + web.port())));
        // the next fetch asks again, gets the private address, and is refused before connecting
        FetchRefusedException e = refused(fetcher, "http://reports.vendor.test:" + web.port() + "/iocs.txt");
        assertThat(e.reason()).isEqualTo(FetchRefusal.PRIVATE_ADDRESS);
        assertThat(lookups.get()).isEqualTo(2);
    }

    @Test
    void everyResolvedAddressMustPass() {
        AtomicBoolean asked = new AtomicBoolean();
        ReportFetcher.Resolver mixed = host -> {
            asked.set(true);
            return List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("192.168.1.10"));
        };
        FetchRefusedException e = refused(fetcher(LOOPBACK_TOO, mixed, ReportFetcher.MAX),
                "http://mixed.vendor.test:" + web.port() + "/report.html");
        assertThat(asked).isTrue();
        assertThat(e.reason()).isEqualTo(FetchRefusal.PRIVATE_ADDRESS);
        assertThat(e.detail()).isEqualTo("private");
        ReportFetcher.Resolver none = host -> {
            throw new java.net.UnknownHostException(host);
        };
        assertThat(refused(fetcher(LOOPBACK_TOO, none, ReportFetcher.MAX), "http://nowhere.vendor.test/").reason())
                .isEqualTo(FetchRefusal.UNRESOLVED);
    }

    @Test
    void configuredRangesAreRefusedOnTopOfNonPublicOnes() throws Exception {
        PublicAddressRule rule = new PublicAddressRule(List.of(
                org.alliancesearch.portal.common.net.Cidr.parse("93.184.216.0/24")));
        assertThat(rule.refusal(InetAddress.getByName("93.184.216.34"))).contains("refused-range");
        assertThat(rule.refusal(InetAddress.getByName("8.8.8.8"))).isEmpty();
        assertThat(rule.refusal(InetAddress.getByName("10.1.1.1"))).contains("private");
        assertThat(rule.refusal(InetAddress.getByName("127.0.0.1"))).contains("loopback");
    }

    @Test
    void tableCellsAndBlocksStayApart() {
        web.stubFor(get("/table.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<table><tr><td>45.33.32.156</td><td>evil-c2.com</td></tr></table>"
                        + "<div>update-check[.]net</div><div>185.220.101.77</div>")));
        assertThat(values(fetch(loopbackFetcher(), web.baseUrl() + "/table.html"))).containsExactly("45.33.32.156",
                "evil-c2.com", "update-check.net", "185.220.101.77");
    }

    @Test
    void certificatesAreVerified() {
        WireMockServer tls = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicHttpsPort());
        tls.start();
        try {
            tls.stubFor(get("/report.html").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                    .withBody("1.2.3.4")));
            // WireMock's self-signed certificate: refused, so nothing is trusted blindly
            FetchRefusedException e = refused(loopbackFetcher(), "https://localhost:" + tls.httpsPort()
                    + "/report.html");
            assertThat(e.reason()).isEqualTo(FetchRefusal.UNREACHABLE);
            tls.verify(0, getRequestedFor(urlPathEqualTo("/report.html")));
        } finally {
            tls.stop();
        }
    }

    @Test
    void utf8AndJapaneseTextSurvive() {
        web.stubFor(get("/ja.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(("<html><head><meta charset=\"utf-8\"><title>攻撃キャンペーン</title></head><body>"
                        + "<p>通信先は１８５．２２０．１０１．７７です。</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8))));
        FetchedReport report = fetch(loopbackFetcher(), web.baseUrl() + "/ja.html");
        assertThat(ReportText.read(report).title()).isEqualTo("攻撃キャンペーン");
        assertThat(values(report)).containsExactly("185.220.101.77");
    }
}
