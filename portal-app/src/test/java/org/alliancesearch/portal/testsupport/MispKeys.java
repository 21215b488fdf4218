package org.alliancesearch.portal.testsupport;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Personal API keys for tests of the MISP-compatible paths, which take nothing else: one key per user, made once
 * through {@code POST /api/v1/me/api-keys} with the user's bearer token (which also records the user's sign-in).
 */
public final class MispKeys {
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private MispKeys() {
    }

    /** The key of this user (subject {@code id-<user>}) of this organisation, with the member role. */
    public static String of(String user, String org) {
        return KEYS.computeIfAbsent(user + "@" + org, ignored -> given()
                .auth().oauth2(Tokens.token(user, org, List.of("member"))).contentType(ContentType.JSON)
                .body(Map.of("name", "tests", "expiresInDays", 30)).post("/api/v1/me/api-keys").then()
                .statusCode(201).extract().path("key"));
    }

    /** A request carrying the user's key as MISP clients send it ({@code Authorization: <key>}). */
    public static RequestSpecification as(String user, String org) {
        return given().header("Authorization", of(user, org));
    }
}
