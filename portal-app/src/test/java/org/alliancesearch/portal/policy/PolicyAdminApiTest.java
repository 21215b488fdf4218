package org.alliancesearch.portal.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.portal.policy.service.PolicyService;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/** The alliance policy: read, changed, validated, and what searches get from it. */
@QuarkusTest
class PolicyAdminApiTest {
    @Inject
    PolicyService policies;

    @Test
    void changeAndRead() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("maxTlp", "TLP:AMBER+STRICT", "dropTags", List.of(" tlp:red ", "PAP:RED", "", "tlp:red")))
                .put("/api/v1/admin/policy").then().statusCode(200)
                .body("maxTlp", equalTo("amber+strict"))
                .body("dropTags", contains("tlp:red", "PAP:RED"))
                .body("updatedBy", equalTo("admin"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/policy").then().statusCode(200)
                .body("maxTlp", equalTo("amber+strict"));
        // back to the default for the other tests
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("maxTlp", "amber", "dropTags", List.of("tlp:red", "PAP:RED")))
                .put("/api/v1/admin/policy").then().statusCode(200);
    }

    @Test
    void invalidPolicyIsRefusedAndKeepsTheStoredOne() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("maxTlp", "purple", "dropTags", List.of("x".repeat(201))))
                .put("/api/v1/admin/policy").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("maxTlp", "dropTags"))
                .body("errors[0].message",
                        equalTo("Unknown TLP level; use one of clear, green, amber, amber+strict, red."));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/policy").then().body("maxTlp", equalTo("amber"));
    }

    @Test
    void searchesGetTheStoredPolicy() throws Throwable {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("maxTlp", "green", "dropTags",
                        List.of("tlp:red", "PAP:RED", "osint:source-type=\"block-or-filter-list\"")))
                .put("/api/v1/admin/policy").then().statusCode(200);
        try {
            AlliancePolicy current = VertxContextSupport.subscribeAndAwait(() -> policies.current());
            assertThat(current.maxTlp()).isEqualTo(Tlp.GREEN);
            assertThat(current.dropTags()).containsExactly("tlp:red", "PAP:RED",
                    "osint:source-type=\"block-or-filter-list\"");
        } finally {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("maxTlp", "amber", "dropTags", List.of("tlp:red", "PAP:RED")))
                    .put("/api/v1/admin/policy").then().statusCode(200);
        }
    }

    @Test
    void aRedCeilingIsRefusedAndChangesNothing() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("maxTlp", "RED", "dropTags", List.of()))
                .put("/api/v1/admin/policy").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("maxTlp"))
                .body("errors[0].code", equalTo("policy.floor"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/policy").then()
                .body("maxTlp", equalTo("amber"))
                .body("dropTags", contains("tlp:red", "PAP:RED"));
    }

    @Test
    void theFloorTagsAreAlwaysKept() throws Throwable {
        try {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("maxTlp", "green", "dropTags", List.of("internal:only", "pap:red")))
                    .put("/api/v1/admin/policy").then().statusCode(200)
                    .body("dropTags", contains("tlp:red", "PAP:RED", "internal:only"));
            AlliancePolicy current = VertxContextSupport.subscribeAndAwait(() -> policies.current());
            assertThat(current.dropTags()).containsExactly("tlp:red", "PAP:RED", "internal:only");
        } finally {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("maxTlp", "amber", "dropTags", List.of("tlp:red", "PAP:RED")))
                    .put("/api/v1/admin/policy").then().statusCode(200);
        }
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        int version = given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/policy").then().statusCode(200)
                .extract().path("version");
        try {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("maxTlp", "green", "dropTags", List.of("tlp:red", "PAP:RED"), "version", version))
                    .put("/api/v1/admin/policy").then().statusCode(200).body("version", equalTo(version + 1));
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .header("If-Match", "\"" + version + "\"")
                    .body(Map.of("maxTlp", "clear", "dropTags", List.of("tlp:red", "PAP:RED")))
                    .put("/api/v1/admin/policy").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("errors[0].code", equalTo("conflict.stale-version"));
            given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/policy").then()
                    .body("maxTlp", equalTo("green")).body("version", equalTo(version + 1));
        } finally {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("maxTlp", "amber", "dropTags", List.of("tlp:red", "PAP:RED")))
                    .put("/api/v1/admin/policy").then().statusCode(200);
        }
    }
}
