package org.alliancesearch.portal.member;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The member admin API: round trip, key kept on PUT, soft delete, duplicates, audit, connector registry. */
@QuarkusTest
class MemberAdminApiTest {
    @Inject
    MemberRegistry registry;

    @Test
    void createReadUpdateDelete() throws Exception {
        Map<String, Object> body = Members.body("Org A MISP", "secret-key-round-trip-1");
        body.put("url", "HTTP://127.0.0.1:9/Round-Trip-" + UUID.randomUUID() + "/");
        body.put("policy", Map.of("maxTlp", "green", "dropTags", List.of("internal:only")));
        Response created = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members");
        created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/admin/members/" + created.path("id")))
                .body("name", equalTo("Org A MISP"))
                .body("organisation", equalTo("org-a"))
                .body("hasApiKey", equalTo(true))
                .body("$", not(hasKey("apiKey")))
                .body("timeoutMs", equalTo(5000))
                .body("policy.maxTlp", equalTo("green"))
                .body("policy.dropTags[0]", equalTo("internal:only"))
                .body("createdBy", equalTo("admin"));
        String id = created.path("id");
        String url = created.path("url");
        // normalised: lower-case scheme, no trailing slash, path case kept
        assertThat(url).startsWith("http://127.0.0.1:9/Round-Trip-").doesNotEndWith("/");

        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members/" + id).then().statusCode(200)
                .body("url", equalTo(url)).body("$", not(hasKey("apiKey")));
        List<String> ids = given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members").then().statusCode(200)
                .extract().path("id");
        assertThat(ids).contains(id);

        // the connector knows it, with the decrypted key
        MemberEndpoint registered = registry.find(id).orElseThrow();
        assertThat(registered.apiKey().reveal()).isEqualTo("secret-key-round-trip-1");
        assertThat(registered.baseUri().toString()).isEqualTo(url);
        assertThat(registered.timeout().toMillis()).isEqualTo(5000);

        // PUT without apiKey keeps the key
        Map<String, Object> change = Members.body("Org A MISP (renamed)", null);
        change.remove("apiKey");
        change.put("url", url);
        change.put("enabled", false);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(change)
                .put("/api/v1/admin/members/" + id).then().statusCode(200)
                .body("name", equalTo("Org A MISP (renamed)")).body("enabled", equalTo(false))
                .body("hasApiKey", equalTo(true)).body("updatedBy", equalTo("admin"));
        MemberEndpoint afterRename = registry.find(id).orElseThrow();
        assertThat(afterRename.apiKey().reveal()).isEqualTo("secret-key-round-trip-1");
        assertThat(afterRename.enabled()).isFalse();
        assertThat(afterRename.ref().name()).isEqualTo("Org A MISP (renamed)");

        // PUT with a new key replaces it
        change.put("apiKey", "secret-key-round-trip-2");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(change)
                .put("/api/v1/admin/members/" + id).then().statusCode(200);
        assertThat(registry.find(id).orElseThrow().apiKey().reveal()).isEqualTo("secret-key-round-trip-2");

        // soft delete
        given().auth().oauth2(Tokens.admin()).delete("/api/v1/admin/members/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        assertThat(registry.find(id)).isEmpty();
        List<Map<String, String>> rows = Db.rows("select deleted_at from member_instance where id = ?::uuid", id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("deleted_at")).isNotNull();
        // the URL is free again
        Map<String, Object> again = Members.body("Org A MISP again", "k");
        again.put("url", url);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(again)
                .post("/api/v1/admin/members").then().statusCode(201);

        // every change audited, with no secret in it
        List<Map<String, String>> audit = Db.rows(
                "select action, actor, actor_org, before_json, after_json from audit_entry where target_id = ? order by id",
                id);
        assertThat(audit).extracting(r -> r.get("action"))
                .containsExactly("member.create", "member.update", "member.update", "member.api-key-change",
                        "member.delete");
        assertThat(audit).allSatisfy(r -> {
            assertThat(r.get("actor")).isEqualTo("admin");
            assertThat(r.get("actor_org")).isEqualTo("secretariat");
            assertThat(String.valueOf(r.get("before_json")) + r.get("after_json")).doesNotContain("secret-key");
        });
        assertThat(audit.get(1).get("before_json")).contains("Org A MISP");
        assertThat(audit.get(1).get("after_json")).contains("renamed");
    }

    @Test
    void duplicateUrlIsRefused() {
        Map<String, Object> first = Members.body("First", "k1");
        Members.create(first);
        Map<String, Object> second = Members.body("Second", "k2");
        // same URL, spelled differently
        second.put("url", first.get("url").toString().replace("http://", "HTTP://") + "/");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(second)
                .post("/api/v1/admin/members").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].code", equalTo("url.duplicate"));
    }

    @Test
    void unknownMemberIs404Problem() {
        for (String path : List.of("/api/v1/admin/members/" + UUID.randomUUID(), "/api/v1/admin/members/not-a-uuid")) {
            given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404)).body("title", equalTo("Not found"))
                    .body("instance", equalTo(path));
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Members.body("x", "y"))
                .put("/api/v1/admin/members/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).delete("/api/v1/admin/members/" + UUID.randomUUID()).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/members/" + UUID.randomUUID() + "/test").then()
                .statusCode(404);
    }

    @Test
    void malformedBodiesAre400Problems() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": \"x\",")
                .post("/api/v1/admin/members").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("title", equalTo("Malformed request body"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"timeoutMs\": \"soon\"}")
                .post("/api/v1/admin/members").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("timeoutMs"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("[1,2]")
                .put("/api/v1/admin/policy").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("")
                .post("/api/v1/admin/members").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingFieldsAreListed() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"timeoutMs\": 5}")
                .post("/api/v1/admin/members").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "organisation", "url", "apiKey",
                        "timeoutMs"))
                .body("errors.find { it.field == 'timeoutMs' }.message",
                        equalTo("The timeout must be between 100 and 120000 milliseconds."));
    }
}
