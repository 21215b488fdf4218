package org.alliancesearch.portal.mispapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Tokens;
import org.alliancesearch.simulator.client.PymispException;
import org.alliancesearch.simulator.client.PymispLikeClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A client written against MISP (it makes PyMISP's calls, with PyMISP's headers and checks) pointed at the portal with
 * a personal key: it connects, searches attributes and events, filters by tags, reads CSV, and is refused with a wrong
 * or revoked key.
 */
@QuarkusTest
class MispClientTest {
    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void events() {
        // the members' events of the event search test
        EventRestSearchApiTest.events();
    }

    @BeforeEach
    void members() {
        SearchMembers.ensure();
    }

    private String url() {
        return root.toString().replaceAll("/$", "");
    }

    /** A key of a new member user of org-b; returns {id, key}. */
    private static String[] newKey(String prefix) {
        // a user of its own per run: rate limits are per user and other tests share the application
        String user = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var created = given().auth().oauth2(Tokens.token(user, "org-b", List.of("member")))
                .contentType(ContentType.JSON).body(Map.of("name", "siem", "expiresInDays", 30))
                .post("/api/v1/me/api-keys").then().statusCode(201).extract();
        return new String[]{created.path("id"), created.path("key"), user};
    }

    @Test
    void connectsSearchesFiltersByTagsAndReadsCsv() {
        PymispLikeClient misp = PymispLikeClient.connect(url(), newKey("carla")[1]);
        assertThat(misp.user().path("org_id").asText()).matches("[0-9]+");
        assertThat(misp.role().path("perm_add").asBoolean(true)).isFalse();

        JsonNode attributes = misp.searchAttributes(Map.of("value", MispMembers.OVERLAP)).path("Attribute");
        List<String> uuids = new ArrayList<>();
        attributes.forEach(a -> uuids.add(a.path("uuid").asText()));
        // org-a's attribute and org-b's synchronised copy are one; org-c's tlp:red record is hidden
        assertThat(uuids).containsExactlyInAnyOrder(MispMembers.ATTR_A, MispMembers.ATTR_B);

        JsonNode green = misp.searchAttributes(Map.of("value", MispMembers.OVERLAP, "tags",
                Map.of("OR", List.of("tlp:green")), "includeEventTags", 1)).path("Attribute");
        assertThat(green).hasSize(1);
        assertThat(green.get(0).path("uuid").asText()).isEqualTo(MispMembers.ATTR_A);
        JsonNode notGreen = misp.searchAttributes(Map.of("value", MispMembers.OVERLAP, "tags",
                Map.of("NOT", List.of("tlp:green")))).path("Attribute");
        assertThat(notGreen).hasSize(1);
        assertThat(notGreen.get(0).path("uuid").asText()).isEqualTo(MispMembers.ATTR_B);

        String csv = misp.searchCsv(Map.of("value", MispMembers.OVERLAP));
        String[] lines = csv.strip().split("\n");
        assertThat(lines[0]).isEqualTo(
                "uuid,event_id,category,type,value,comment,to_ids,timestamp,object_relation,attribute_tag");
        assertThat(lines).hasSize(3);
        assertThat(csv).contains(MispMembers.ATTR_A).doesNotContain(MispMembers.ATTR_RED);

        JsonNode events = misp.searchEvents(Map.of("value", EventRestSearchApiTest.VALUE));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("Event").path("uuid").asText()).isEqualTo(EventRestSearchApiTest.EVENT);
    }

    @Test
    void aWrongKeyEndsTheConnectionAttemptAsMispDoes() {
        PymispException e = catchThrowableOfType(PymispException.class,
                () -> PymispLikeClient.connect(url(), "x".repeat(40)));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errorBody().path("message").asText()).contains("Authentication failed");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        String[] key = newKey("rory");
        PymispLikeClient misp = PymispLikeClient.connect(url(), key[1]);
        misp.searchAttributes(Map.of("value", MispMembers.NOBODY));

        given().auth().oauth2(Tokens.token(key[2], "org-b", List.of("member")))
                .delete("/api/v1/me/api-keys/" + key[0]).then().statusCode(204);

        PymispException e = catchThrowableOfType(PymispException.class,
                () -> misp.searchAttributes(Map.of("value", MispMembers.NOBODY)));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(403);
        assertThat(catchThrowableOfType(PymispException.class, () -> PymispLikeClient.connect(url(), key[1])))
                .isNotNull();
    }
}
