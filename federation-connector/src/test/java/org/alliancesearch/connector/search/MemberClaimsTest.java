package org.alliancesearch.connector.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.query.SearchQuery;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** A hostile member cannot make an indicator look seen by another member's organisation. */
@QuarkusTest
class MemberClaimsTest extends MemberServersSupport {
    private static final String VALUE = "claimed.example";

    /** A record of {@link #VALUE} whose event claims to be created by {@code orgc}. */
    private static ObjectNode record(String uuidPrefix, String orgc) {
        ObjectNode a = MispFixtures.attribute(uuidPrefix, 1);
        a.put("type", "domain");
        a.put("value", VALUE);
        ObjectNode event = (ObjectNode) a.get("Event");
        event.putObject("Orgc").put("id", "7").put("name", orgc);
        return a;
    }

    private void answers(int server, ObjectNode... attributes) {
        servers[server].stubFor(post(urlEqualTo("/attributes/restSearch")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(MispFixtures.response(List.of(
                        attributes)))));
    }

    private MergedIndicator search() {
        FederatedResult r = run(SearchQuery.ofValues(List.of(VALUE)));
        assertThat(r.merged().indicators()).hasSize(1);
        return r.merged().indicators().get(0);
    }

    @Test
    void aClaimForAnotherMembersOrganisationThatItDoesNotHoldIsUnconfirmed() {
        answers(0);
        answers(1, record("cafe", "Org owner"));
        member("owner", 0);
        member("liar", 1);

        MergedIndicator i = search();

        assertThat(i.organisations()).doesNotContain("Org owner").isEmpty();
        assertThat(i.unconfirmedOrganisations()).containsExactly("Org owner");
        assertThat(i.events()).singleElement().satisfies(e -> {
            assertThat(e.organisation()).isNull();
            assertThat(e.unconfirmedOrganisation()).isEqualTo("Org owner");
        });
    }

    @Test
    void theSameRecordFromTheOwnersMemberConfirmsTheClaim() {
        answers(0, record("cafe", "Org owner"));
        answers(1, record("cafe", "Org owner"));
        member("owner", 0);
        member("syncing", 1);

        MergedIndicator i = search();

        assertThat(i.organisations()).containsExactly("Org owner");
        assertThat(i.unconfirmedOrganisations()).isEmpty();
    }

    @Test
    void aClaimForAnOrganisationOutsideTheAllianceCounts() {
        answers(0);
        answers(1, record("cafe", "Outside CERT"));
        member("owner", 0);
        member("syncing", 1);

        MergedIndicator i = search();

        assertThat(i.organisations()).containsExactly("Outside CERT");
        assertThat(i.unconfirmedOrganisations()).isEmpty();
    }

    @Test
    void aMemberThatDidNotAnswerConfirmsNothing() {
        answers(1, record("cafe", "Org owner"));
        servers[0].stubFor(post(urlEqualTo("/attributes/restSearch")).willReturn(aResponse().withStatus(500)));
        member("owner", 0);
        member("liar", 1);

        MergedIndicator i = search();

        assertThat(i.organisations()).isEmpty();
        assertThat(i.unconfirmedOrganisations()).containsExactly("Org owner");
    }
}
