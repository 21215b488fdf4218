package org.alliancesearch.connector.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.alliancesearch.connector.ApiKey;
import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.FederatedSearch;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Several MISP-shaped WireMock servers at once, a fresh set of members per test, and the check that no API key
 * appears in any log line or outcome message of the test.
 */
public abstract class MemberServersSupport {
    protected static final Duration WAIT = Duration.ofSeconds(20);
    protected static WireMockServer[] servers;

    @Inject
    protected MemberRegistry registry;
    @Inject
    protected FederatedSearch search;

    private final List<String> keys = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private LogCapture logs;

    @BeforeAll
    static void startServers() {
        servers = new WireMockServer[5];
        for (int i = 0; i < servers.length; i++) {
            servers[i] = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(40));
            servers[i].start();
        }
    }

    @AfterAll
    static void stopServers() {
        Arrays.stream(servers).forEach(WireMockServer::stop);
    }

    private static boolean warm;

    /**
     * One search before the first test of the JVM: the first call loads and initialises the HTTP, JSON and
     * fault-tolerance classes, which on a busy machine can take longer than the tests' 1 s call timeout.
     */
    @BeforeEach
    void warmUpOnce() {
        if (warm) {
            return;
        }
        warm = true;
        servers[4].stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/attributes/restSearch")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withBody(MispFixtures.page("warm", 0, 2))));
        MemberEndpoint e = endpoint("warm-up", url(4));
        registry.upsert(e);
        search.start(values("198.51.0.1"), AlliancePolicy.defaults()).result().await().atMost(WAIT);
        registry.remove(e.id());
    }

    @BeforeEach
    void resetServers() {
        Arrays.stream(servers).forEach(WireMockServer::resetAll);
        logs = LogCapture.install();
    }

    @AfterEach
    void removeMembersAndCheckSecrets() {
        registry.all().forEach(m -> registry.remove(m.id()));
        logs.uninstall();
        List<String> lines = logs.lines();
        for (String key : keys) {
            assertThat(lines).noneMatch(l -> l.contains(key));
            assertThat(texts).noneMatch(t -> t != null && t.contains(key));
        }
    }

    protected static String url(int server) {
        return "http://127.0.0.1:" + servers[server].port();
    }

    /** Registers member {@code id} on server {@code server} with a fresh, recorded key. */
    protected MemberEndpoint member(String id, int server) {
        MemberEndpoint e = endpoint(id, url(server));
        registry.upsert(e);
        return e;
    }

    protected MemberEndpoint endpoint(String id, String baseUrl) {
        String key = "key-" + UUID.randomUUID();
        keys.add(key);
        return new MemberEndpoint(new MemberRef(id, "Member " + id, "Org " + id, baseUrl), URI.create(baseUrl),
                ApiKey.of(key), true, null, null, null, null, true);
    }

    protected void rememberKey(String key) {
        keys.add(key);
    }

    protected void rememberText(String text) {
        texts.add(text);
    }

    protected FederatedResult run(SearchQuery query) {
        FederatedResult r = search.start(query, AlliancePolicy.defaults()).result().await().atMost(WAIT);
        r.members().forEach(m -> texts.add(m.message()));
        return r;
    }

    protected static MemberOutcome of(FederatedResult r, String id) {
        return r.members().stream().filter(m -> m.member().id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * A query for these values and for every synthetic attribute of {@link MispFixtures#attribute} (the pattern
     * {@value #SYNTHETIC}): a member's records must answer the search, or they are dropped as not asked for.
     */
    protected static SearchQuery values(String... values) {
        List<String> all = new ArrayList<>(List.of(values));
        all.add(SYNTHETIC);
        return SearchQuery.ofValues(all);
    }

    /** The values of {@link MispFixtures#attribute}, as a MISP {@code LIKE} pattern. */
    protected static final String SYNTHETIC = "198.51.%";
}
