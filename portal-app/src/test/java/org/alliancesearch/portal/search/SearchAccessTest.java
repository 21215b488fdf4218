package org.alliancesearch.portal.search;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.function.Function;

import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Who may call the search, saved-search and audit endpoints: anonymous, no organisation, member, admin. */
@QuarkusTest
class SearchAccessTest {
    private static RequestSpecification as(String who) {
        Function<String, RequestSpecification> token = t -> given().auth().oauth2(t);
        return switch (who) {
            case "anonymous" -> given();
            case "noorg" -> token.apply(Tokens.erin());
            case "member" -> token.apply(Tokens.token("mia", "org-b", List.of("member")));
            case "admin" -> token.apply(Tokens.admin());
            default -> throw new IllegalArgumentException(who);
        };
    }

    @org.junit.jupiter.api.Test
    void theApiDescriptionHasTheSearchApiButNotThePages() {
        String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(openapi).contains("/api/v1/search").contains(
                "/api/v1/saved-searches/{id}/run").contains("/api/v1/admin/search-audit")
                .doesNotContain("/search/stream")
                .doesNotContain("/saved/{id}/edit").doesNotContain("/lang");
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET, /api/v1/saved-searches, anonymous, 401",
            "GET, /api/v1/saved-searches, noorg, 403",
            "GET, /api/v1/saved-searches, member, 200",
            "GET, /api/v1/saved-searches, admin, 200",
            "POST, /api/v1/search, anonymous, 401",
            "POST, /api/v1/search, noorg, 403",
            "POST, /api/v1/search, member, 400",
            "POST, /api/v1/search, admin, 400",
            "GET, /api/v1/admin/search-audit, anonymous, 401",
            "GET, /api/v1/admin/search-audit, noorg, 403",
            "GET, /api/v1/admin/search-audit, member, 403",
            "GET, /api/v1/admin/search-audit, admin, 200",
            "GET, /api/v1/saved-searches/00000000-0000-4000-8000-000000000000, member, 404",
            "POST, /api/v1/saved-searches/00000000-0000-4000-8000-000000000000/run, member, 404",
            "GET, /search, member, 200",
            "GET, /saved, member, 200",
            "GET, /admin/search-audit, member, 403",
            "GET, /admin/search-audit, admin, 200"})
    void access(String method, String path, String who, int status) {
        RequestSpecification request = as(who).redirects().follow(false);
        if (method.equals("POST")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        request.request(method, path).then().statusCode(status);
    }
}
