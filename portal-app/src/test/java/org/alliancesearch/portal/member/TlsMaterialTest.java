package org.alliancesearch.portal.member;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** CA certificates and mutual-TLS material: checked when saved, the client key stored encrypted and write-only. */
@QuarkusTest
class TlsMaterialTest {
    @Inject
    MemberRegistry registry;

    static String resource(String name) throws IOException {
        try (InputStream in = TlsMaterialTest.class.getResourceAsStream("/pem/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void validMaterialIsStoredAndTheKeyOnlyEncrypted() throws Exception {
        String cert = resource("test-cert.pem");
        String key = resource("test-key.pem");
        Map<String, Object> body = Members.body("mTLS member", "k");
        body.put("caPem", cert);
        body.put("clientCertPem", cert);
        body.put("clientKeyPem", key);
        String id = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members").then().statusCode(201)
                .body("hasClientKey", equalTo(true))
                .body("caPem", equalTo(cert.trim()))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("clientKeyPem")))
                .extract().path("id");
        String keyBody = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(Db.rows("select * from member_instance where id = ?::uuid", id).toString())
                .doesNotContain(keyBody);
        assertThat(given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members/" + id).asString())
                .doesNotContain(keyBody);
        assertThat(registry.find(id).orElseThrow().clientKeyPem()).isEqualTo(key.trim());

        // a change without the key keeps it
        body.remove("clientKeyPem");
        body.remove("apiKey");
        body.put("url", given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members/" + id).path("url"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/admin/members/" + id).then().statusCode(200).body("hasClientKey", equalTo(true));
        assertThat(registry.find(id).orElseThrow().clientKeyPem()).isEqualTo(key.trim());
    }

    @Test
    void unreadablePemIsRefused() throws Exception {
        Map<String, Object> body = Members.body("Bad PEM", "k");
        body.put("caPem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        body.put("clientKeyPem", "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----");
        body.put("clientCertPem", resource("test-cert.pem"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members").then().statusCode(400)
                .body("errors.field", hasItem("caPem"))
                .body("errors.field", hasItem("clientKeyPem"))
                .body("errors.find { it.field == 'caPem' }.message", equalTo("Not a readable PEM certificate."));

        Map<String, Object> keyOnly = Members.body("Key only", "k");
        keyOnly.put("clientKeyPem", resource("test-key.pem"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(keyOnly)
                .post("/api/v1/admin/members").then().statusCode(400)
                .body("errors[0].code", equalTo("client-pair"));
    }
}
