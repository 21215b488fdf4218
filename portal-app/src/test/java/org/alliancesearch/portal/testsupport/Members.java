package org.alliancesearch.portal.testsupport;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Creates members through the admin API. */
public final class Members {
    private Members() {
    }

    /** A valid create body with a unique loopback URL (the test profile allows loopback). */
    public static Map<String, Object> body(String name, String apiKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("organisation", "org-a");
        body.put("url", "http://127.0.0.1:9/misp-" + UUID.randomUUID());
        body.put("apiKey", apiKey);
        body.put("verifyTls", true);
        body.put("timeoutMs", 5000);
        body.put("enabled", true);
        return body;
    }

    public static String create(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members").then().statusCode(201).extract().path("id");
    }

    public static String create() {
        return create(body("Member " + UUID.randomUUID(), "key-" + UUID.randomUUID()));
    }
}
