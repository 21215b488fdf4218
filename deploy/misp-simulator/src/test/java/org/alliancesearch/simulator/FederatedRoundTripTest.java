package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.alliancesearch.connector.ApiKey;
import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.FederatedSearch;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.indicator.CompositeHalf;
import org.alliancesearch.model.merge.IndicatorMember;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberRef;
import org.alliancesearch.simulator.data.DataGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The real federation connector against three simulated members: fan-out, reading, dedup and policy. */
@QuarkusTest
class FederatedRoundTripTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static SimulatorCluster cluster;

    @Inject
    MemberRegistry registry;
    @Inject
    FederatedSearch search;

    @BeforeAll
    static void startMembers() {
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(3).seed(42).events(40)
                .attributesPerEvent(10).build());
    }

    @AfterAll
    static void stopMembers() {
        cluster.close();
    }

    @BeforeEach
    void register() {
        for (SimulatedMisp misp : cluster.instances()) {
            registry.upsert(new MemberEndpoint(new MemberRef(misp.name(), "Member " + misp.name(), misp.name(),
                    misp.url()), URI.create(misp.url()), ApiKey.of(misp.apiKey()), true, null, null, null, null,
                    true));
        }
    }

    @AfterEach
    void unregister() {
        registry.all().forEach(m -> registry.remove(m.id()));
        cluster.instances().forEach(m -> m.setFault(Fault.NONE));
    }

    FederatedResult run(String... values) {
        return search.start(SearchQuery.ofValues(List.of(values)), AlliancePolicy.defaults()).result().await()
                .atMost(WAIT);
    }

    static MemberOutcome of(FederatedResult r, String member) {
        return r.members().stream().filter(m -> m.member().id().equals(member)).findFirst().orElseThrow();
    }

    static MergedIndicator indicator(FederatedResult r, String value) {
        return r.merged().indicators().stream().filter(i -> i.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void demoValuesMergeAcrossThreeMembers() {
        FederatedResult r = run(DataGenerator.SHARED_DOMAIN, DataGenerator.SHARED_IP, DataGenerator.RED_ONLY_IP);

        assertThat(r.members()).allSatisfy(m -> assertThat(m.status()).isEqualTo(MemberStatus.OK));
        // the tlp:red / PAP:RED event is excluded by the tags filter the connector sends
        assertThat(of(r, "org-a").hits()).extracting(h -> h.attribute().value())
                .containsExactlyInAnyOrder(DataGenerator.SHARED_DOMAIN, DataGenerator.SHARED_IP);
        assertThat(of(r, "org-b").hits()).extracting(h -> h.attribute().value()).containsExactlyInAnyOrder(
                DataGenerator.SHARED_DOMAIN, DataGenerator.SHARED_IP_COMPOSITE_DOMAIN + "|" + DataGenerator.SHARED_IP);
        assertThat(of(r, "org-c").hits()).singleElement()
                .satisfies(h -> assertThat(h.attribute().event().orgcName()).isEqualTo("org-a"));

        MergedIndicator domain = indicator(r, DataGenerator.SHARED_DOMAIN);
        assertThat(domain.members()).extracting(IndicatorMember::id).containsExactly("org-a", "org-b", "org-c");
        assertThat(domain.attributeCount()).isEqualTo(2); // org-c's copy has org-a's uuid
        assertThat(domain.copyCount()).isEqualTo(3);
        assertThat(domain.organisations()).containsExactlyInAnyOrder("org-a", "org-b");
        // org-b's hit is a domain|ip found by its IP half: the merge files it under the IP searched, not its domain
        MergedIndicator ip = indicator(r, DataGenerator.SHARED_IP);
        assertThat(ip.members()).extracting(IndicatorMember::id).contains("org-a", "org-b");
        assertThat(ip.composites()).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(DataGenerator.SHARED_IP_COMPOSITE_DOMAIN + "|" + DataGenerator.SHARED_IP);
            assertThat(c.half()).isEqualTo(CompositeHalf.RIGHT);
        });
        assertThat(r.merged().indicators()).noneMatch(i -> i.value()
                .startsWith(DataGenerator.SHARED_IP_COMPOSITE_DOMAIN));
        assertThat(r.merged().indicators()).noneMatch(i -> i.value().equals(DataGenerator.RED_ONLY_IP));
        assertThat(r.merged().totals().duplicates()).isEqualTo(1);
    }

    @Test
    void membersAreAskedNotToSendTlpLevelsAboveTheCeiling() {
        SimulatedMisp misp = cluster.instance("org-a");
        List<String> strictValues = Http.post(misp, "/attributes/restSearch",
                "{\"tags\":[\"tlp:amber+strict\"],\"type\":[\"ip-dst\",\"ip-src\",\"domain\"],\"limit\":20}")
                .attributes().stream().map(a -> a.get("value").asText()).distinct().toList();
        assertThat(strictValues).as("the generated data holds tlp:amber+strict records").isNotEmpty();

        FederatedResult r = run(strictValues.toArray(String[]::new));

        // an honest member sends none of them (the default ceiling is tlp:amber); other copies of the values may come
        assertThat(r.members()).allSatisfy(m -> assertThat(m.hits()).allSatisfy(h -> {
            assertThat(h.attribute().tags()).noneMatch(t -> t.name().equalsIgnoreCase("tlp:amber+strict"));
            assertThat(h.attribute().event().tags()).noneMatch(t -> t.name().equalsIgnoreCase("tlp:amber+strict"));
        }));
    }

    @Test
    void aDownMemberIsReportedAndTheOthersStillAnswer() {
        cluster.instance("org-b").setFault(Fault.serverDown());
        cluster.instance("org-c").setFault(Fault.parse("hostile"));

        FederatedResult r = run(DataGenerator.SHARED_DOMAIN);

        assertThat(of(r, "org-a").status()).isEqualTo(MemberStatus.OK);
        assertThat(of(r, "org-b").status()).isNotEqualTo(MemberStatus.OK);
        assertThat(of(r, "org-b").message()).isNotBlank().doesNotContain(cluster.instance("org-b").apiKey());
        assertThat(indicator(r, DataGenerator.SHARED_DOMAIN).members()).extracting(IndicatorMember::id)
                .contains("org-a");
    }
}
