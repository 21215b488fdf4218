package org.alliancesearch.portal.member;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Member changes: merge semantics, a stored key never follows a new address, stale versions, the floor. */
@QuarkusTest
class MemberTrustApiTest {
    @Inject
    MemberRegistry registry;

    private static ValidatableResponse put(String id, Object body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/admin/members/" + id).then();
    }

    private static ValidatableResponse get(String id) {
        return given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members/" + id).then().statusCode(200);
    }

    @Test
    void anUpdateKeepsWhatItDoesNotMention() {
        Map<String, Object> body = Members.body("Merge member", "merge-key-1");
        body.put("policy", Map.of("maxTlp", "green", "dropTags", List.of("internal:only")));
        body.put("enabled", false);
        body.put("verifyTls", false);
        body.put("timeoutMs", 7000);
        String id = Members.create(body);

        put(id, Map.of("name", "Merge member (renamed)")).statusCode(200)
                .body("name", equalTo("Merge member (renamed)"))
                .body("organisation", equalTo("org-a"))
                .body("url", equalTo(body.get("url")))
                .body("policy.maxTlp", equalTo("green"))
                .body("policy.dropTags[0]", equalTo("internal:only"))
                .body("enabled", equalTo(false))
                .body("verifyTls", equalTo(false))
                .body("timeoutMs", equalTo(7000))
                .body("hasApiKey", equalTo(true));
        assertThat(registry.find(id).orElseThrow().apiKey().reveal()).isEqualTo("merge-key-1");

        // explicit null clears (back to the default)
        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("policy", null);
        clear.put("enabled", null);
        put(id, clear).statusCode(200)
                .body("policy.maxTlp", nullValue())
                .body("policy.dropTags.size()", equalTo(0))
                .body("enabled", equalTo(true))
                .body("timeoutMs", equalTo(7000))
                .body("name", equalTo("Merge member (renamed)"));
    }

    @Test
    void aNewSchemeHostOrPortNeedsTheKeyAgain() throws Exception {
        Map<String, Object> body = Members.body("Moving member", "moving-key-1");
        String path = "/misp-" + UUID.randomUUID();
        body.put("url", "http://127.0.0.1:9" + path);
        String id = Members.create(body);

        for (String moved : List.of("http://127.0.0.2:9" + path, "http://127.0.0.1:10" + path,
                "https://127.0.0.1:9" + path)) {
            put(id, Map.of("url", moved)).statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("apiKey"))
                    .body("errors[0].code", equalTo("apiKey.required-on-url-change"));
            get(id).body("url", equalTo("http://127.0.0.1:9" + path));
        }
        assertThat(registry.find(id).orElseThrow().baseUri().toString()).isEqualTo("http://127.0.0.1:9" + path);

        // another path on the same server keeps the key
        put(id, Map.of("url", "http://127.0.0.1:9" + path + "/misp")).statusCode(200);
        // with the key again, the member moves
        put(id, Map.of("url", "http://127.0.0.2:9" + path, "apiKey", "moving-key-2")).statusCode(200)
                .body("url", equalTo("http://127.0.0.2:9" + path));
        assertThat(registry.find(id).orElseThrow().apiKey().reveal()).isEqualTo("moving-key-2");

        List<Map<String, String>> audit = Db.rows(
                "select action, before_json, after_json from audit_entry where target_id = ? order by id", id);
        assertThat(audit).extracting(r -> r.get("action")).containsSubsequence("member.url-change",
                "member.url-change", "member.api-key-change");
        Map<String, String> move = audit.stream().filter(r -> r.get("action").equals("member.url-change"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(move.get("before_json")).contains("http://127.0.0.1:9" + path + "/misp");
        assertThat(move.get("after_json")).contains("http://127.0.0.2:9" + path);
        assertThat(audit.toString()).doesNotContain("moving-key");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String id = Members.create();
        int version = get(id).extract().path("version");

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("name", "First writer")).put("/api/v1/admin/members/" + id).then().statusCode(200)
                .body("version", equalTo(version + 1));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("name", "Second writer")).put("/api/v1/admin/members/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].code", equalTo("conflict.stale-version"));
        put(id, Map.of("name", "Second writer", "version", version)).statusCode(409)
                .body("errors[0].code", equalTo("conflict.stale-version"));
        get(id).body("name", equalTo("First writer")).body("version", equalTo(version + 1));
        // without a version: last writer wins
        put(id, Map.of("name", "Third writer")).statusCode(200).body("version", equalTo(version + 2));
    }

    @Test
    void aRedOverrideIsRefused() {
        Map<String, Object> body = Members.body("Red member", "k");
        body.put("policy", Map.of("maxTlp", "red"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("policy.maxTlp"))
                .body("errors[0].code", equalTo("policy.floor"));
    }
}
