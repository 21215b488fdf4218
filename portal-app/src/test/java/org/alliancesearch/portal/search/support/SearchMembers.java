package org.alliancesearch.portal.search.support;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.testsupport.Tokens;

import io.restassured.http.ContentType;

/** Registers the three WireMock members through the admin API, once per test run. */
public final class SearchMembers {
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    private SearchMembers() {
    }

    /** Member ids by organisation (org-a, org-b, org-c). */
    public static synchronized Map<String, String> ensure() {
        if (IDS.isEmpty()) {
            for (String org : List.of("org-a", "org-b", "org-c")) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", "MISP " + org);
                body.put("organisation", org);
                body.put("url", MispMembers.url(org));
                body.put("apiKey", "key-of-" + org + "-0123456789abcdef0123456789");
                body.put("verifyTls", true);
                // org-c is the slow one in some tests: a short timeout keeps them quick
                body.put("timeoutMs", org.equals("org-c") ? 1000 : 5000);
                body.put("enabled", true);
                if (org.equals("org-a")) {
                    // a stricter policy of its own: at most tlp:green from this member
                    body.put("policy", Map.of("maxTlp", "GREEN", "dropTags", List.of()));
                }
                String id = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                        .post("/api/v1/admin/members").then().statusCode(201).extract().path("id");
                IDS.put(org, id);
            }
        }
        return IDS;
    }
}
