package org.alliancesearch.portal.apikey;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancesearch.portal.testsupport.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A fresh user per test (own subject), so that keys, caps and records of one test never meet another's. */
record ApiKeyUsers(String name, String subject, String org, List<String> roles) {
    static ApiKeyUsers fresh(String prefix, String org, String... roles) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new ApiKeyUsers(prefix + "-" + suffix, "sub-" + prefix + "-" + suffix, org, List.of(roles));
    }

    static ApiKeyUsers member(String prefix) {
        return fresh(prefix, "org-a", "member");
    }

    String token() {
        return Tokens.token(name, subject, org, roles);
    }

    /** The same user signing in again with another organisation and roles. */
    ApiKeyUsers signedInAs(String newOrg, String... newRoles) {
        return new ApiKeyUsers(name, subject, newOrg, List.of(newRoles));
    }

    Response create(String keyName, Integer days) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", keyName);
        if (days != null) {
            body.put("expiresInDays", days);
        }
        return given().auth().oauth2(token()).contentType(ContentType.JSON).body(body).post("/api/v1/me/api-keys");
    }

    /** A new key (the only time it is seen). */
    String newKey(String keyName) {
        return create(keyName, 30).then().statusCode(201).extract().path("key");
    }
}
