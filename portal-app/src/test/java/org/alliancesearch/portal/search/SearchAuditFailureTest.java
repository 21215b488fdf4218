package org.alliancesearch.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.common.persistence.RowInsert;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.PreparedSearch;
import org.alliancesearch.portal.search.service.SearchRecorder;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.MispKeys;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;

/** A search the audit cannot record is refused with 503 and a reason, never shown unrecorded and never a 500. */
@QuarkusTest
@TestProfile(SearchAuditFailureTest.BrokenAudit.class)
class SearchAuditFailureTest {
    /** Switches the broken recorder on for this test only. */
    public static class BrokenAudit implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(BrokenRecorder.class);
        }
    }

    /** The audit store fails, as it does when PostgreSQL refuses the write. */
    @Alternative
    @ApplicationScoped
    public static class BrokenRecorder implements SearchRecorder {
        @Override
        public Uni<Void> record(UUID id, Searcher who, String source, UUID savedSearchId, PreparedSearch prepared,
                CompletedSearch done, List<RowInsert> alongside) {
            return Uni.createFrom().failure(new IllegalStateException("connection refused"));
        }
    }

    @BeforeEach
    void brokenAudit() {
        SearchMembers.ensure();
    }

    @Test
    void theApiAnswers503WithAProblem() {
        String body = given().auth().oauth2(Tokens.token("audrey", "org-a", List.of("member")))
                .contentType(ContentType.JSON).body("{\"values\":[\"" + MispMembers.OVERLAP + "\"]}")
                .post("/api/v1/search").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5").body("type", endsWith("/audit-unavailable"))
                .body("title", equalTo("Search not recorded")).body("detail", containsString("withheld"))
                .extract().asString();
        assertThat(body).doesNotContain(MispMembers.OVERLAP).doesNotContain("connection refused");
    }

    @Test
    void anEventSearchOfTheMispApiIsRefusedWith503AndNoEvents() {
        String body = MispKeys.as("audrey", "org-a").contentType(ContentType.JSON)
                .body("{\"value\":\"" + MispMembers.OVERLAP + "\"}").post("/events/restSearch").then()
                .statusCode(503).header("Retry-After", "5").extract().asString();
        assertThat(body).doesNotContain(MispMembers.OVERLAP).doesNotContain("connection refused")
                .doesNotContain("\"Event\"");
    }

    @Test
    void failedSearchesGiveTheirSlotsBack() {
        // more failed searches than one user may run at once: each is refused for the audit, never for the cap
        String token = Tokens.token("fay", "org-a", List.of("member"));
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"values\":[\"" + MispMembers.OVERLAP + "\"]}").post("/api/v1/search").then()
                    .statusCode(503).body("type", endsWith("/audit-unavailable"));
        }
    }

    @Test
    void thePageSaysWhyAndShowsNoResults() {
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        String html = given().auth().oauth2(Tokens.token("audrey", "org-a", List.of("member")))
                .header("Accept-Language", "ja").cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", MispMembers.OVERLAP).post("/search").then().statusCode(503).extract().asString();
        assertThat(html).contains("監査ログに記録できなかった").doesNotContain("id=\"result-table\"");
    }

    @Test
    void anExportIsRefusedOnTheSearchPageAndNoFileIsSent() {
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        Response response = given()
                .auth().oauth2(Tokens.token("audrey", "org-a", List.of("member"))).cookies(csrf.cookies())
                .formParam("csrf-token", csrf.token()).formParam("values", MispMembers.OVERLAP)
                .formParam("format", "csv").post("/search/export");
        response.then().statusCode(503).header("Retry-After", "5").contentType(ContentType.HTML);
        assertThat(response.header("Content-Disposition")).isNull();
        assertThat(response.asString()).contains("could not be written to the search audit")
                .doesNotContain(MispMembers.OVERLAP + ",");
    }

    @Test
    void theStreamEndsWithTheReasonInsteadOfAResult() throws Exception {
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        String body = given().auth().oauth2(Tokens.token("audrey", "org-a", List.of("member")))
                .cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", MispMembers.OVERLAP).header("Accept", "application/x-ndjson")
                .post("/search/stream").then().statusCode(200).extract().asString();
        List<String> lines = body.lines().filter(l -> !l.isBlank()).toList();
        JsonNode last = new ObjectMapper()
                .readTree(lines.get(lines.size() - 1));
        assertThat(last.path("type").asText()).isEqualTo("error");
        assertThat(last.path("html").asText()).contains("could not be written to the search audit");
        assertThat(body).doesNotContain("\"type\":\"result\"");
    }
}
