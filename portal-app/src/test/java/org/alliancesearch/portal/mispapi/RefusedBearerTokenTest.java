package org.alliancesearch.portal.mispapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * The reliability drill's fuzz found the MISP-compatible paths (outside {@code /api}) answering 204, empty, to a bearer
 * token of another client and to an expired one: a refused token is a 401 there too.
 */
@QuarkusTest
class RefusedBearerTokenTest {

    static String expired() {
        return Jwt.preferredUserName("alice").subject("id-alice").issuer("https://server.example.com")
                .audience("portal").claim("org", "org-a").claim("realm_access", Map.of("roles", List.of("member")))
                .issuedAt(1_700_000_000L).expiresAt(1_700_000_300L).sign();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/servers/getVersion", "/servers/getPyMISPVersion.json", "/attributes/describeTypes.json"})
    void refusedTokensGet401(String path) {
        for (String token : List.of(Tokens.ofOtherClient("another-client"), expired(), "not-a-jwt")) {
            given().header("Authorization", "Bearer " + token).accept("application/json").get(path).then()
                    .statusCode(401).body("status", equalTo(401));
        }
        // the accepted token still gets the answer
        given().header("Authorization", "Bearer " + Tokens.alice()).accept("application/json").get(path).then()
                .statusCode(200);
    }
}
