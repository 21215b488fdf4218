package org.alliancesearch.portal.member;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.alliancesearch.portal.common.crypto.CryptoConfig;
import org.alliancesearch.portal.common.crypto.SealedSecret;
import org.alliancesearch.portal.common.crypto.SecretCipher;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** API keys are stored encrypted (checked with plain SQL) and a rotation re-encrypts them under the active key. */
@QuarkusTest
class SecretsAtRestTest {
    private static final String OLD_KEY = "b2xkLXRlc3Qta2V5LWZvci1yb3RhdGlvbi10ZXN0cyE=";

    @Inject
    SecretCipher cipher;

    @Test
    void apiKeyIsNotStoredInPlaintext() throws Exception {
        String plaintext = "plaintext-api-key-0123456789abcdef";
        String id = Members.create(Members.body("Encrypted", plaintext));

        List<Map<String, String>> rows = Db.rows("select * from member_instance where id = ?::uuid", id);
        assertThat(rows).hasSize(1);
        Map<String, String> row = rows.get(0);
        assertThat(row.values()).noneMatch(v -> v != null && v.contains(plaintext));
        assertThat(row.get("api_key_key_id")).isEqualTo("demo");
        // 12-byte IV + ciphertext + 16-byte tag
        assertThat(Base64.getDecoder().decode(row.get("api_key_ciphertext"))).hasSize(12 + plaintext.length() + 16);
        String context = "member/" + id + "/api-key";
        assertThat(cipher.open(new SealedSecret("demo", row.get("api_key_ciphertext")), context))
                .isEqualTo(plaintext);
        // bound to its row: the same ciphertext does not open as another member's key
        assertThatThrownBy(() -> cipher.open(new SealedSecret("demo", row.get("api_key_ciphertext")),
                "member/00000000-0000-0000-0000-000000000000/api-key")).isInstanceOf(IllegalStateException.class);
        // and the whole dump of the table does not hold it either
        assertThat(Db.rows("select * from member_instance").toString()).doesNotContain(plaintext);
        assertThat(Db.rows("select * from audit_entry").toString()).doesNotContain(plaintext);
    }

    @Test
    void sameKeyEncryptsDifferentlyEachTime() {
        SealedSecret a = cipher.seal("same", "ctx");
        SealedSecret b = cipher.seal("same", "ctx");
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(cipher.open(a, "ctx")).isEqualTo("same");
    }

    @Test
    void rotationReencryptsUnderTheActiveKey() throws Exception {
        String plaintext = "key-written-under-the-old-key";
        String id = Members.create(Members.body("Rotated", plaintext));
        // simulate a row written when "old" was the active key
        SecretCipher oldCipher = new SecretCipher(config(Map.of("old", OLD_KEY), "old"));
        String context = "member/" + id + "/api-key";
        SealedSecret underOld = oldCipher.seal(plaintext, context);
        Db.update("update member_instance set api_key_ciphertext = ?, api_key_key_id = ? where id = ?::uuid",
                underOld.ciphertext(), underOld.keyId(), id);

        int reencrypted = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .post("/api/v1/admin/crypto/rotate").then().statusCode(200)
                .extract().path("reencrypted");
        assertThat(reencrypted).isGreaterThanOrEqualTo(1);

        Map<String, String> row = Db.rows("select api_key_key_id, api_key_ciphertext from member_instance "
                + "where id = ?::uuid", id).get(0);
        assertThat(row.get("api_key_key_id")).isEqualTo("demo");
        assertThat(row.get("api_key_ciphertext")).isNotEqualTo(underOld.ciphertext());
        assertThat(cipher.open(new SealedSecret(row.get("api_key_key_id"), row.get("api_key_ciphertext")), context))
                .isEqualTo(plaintext);
        assertThat(Db.rows("select api_key_key_id from member_instance where api_key_key_id <> 'demo'")).isEmpty();
        assertThat(Db.rows("select action from audit_entry where action = 'crypto.rotate'")).isNotEmpty();

        // a second rotation finds nothing to do
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .post("/api/v1/admin/crypto/rotate").then().statusCode(200)
                .body("reencrypted", org.hamcrest.Matchers.equalTo(0));
    }

    /** A watch's webhook secret sealed under a retired key is re-sealed by the same rotation as the members' keys. */
    @Test
    void rotationReencryptsWatchWebhookSecretsToo() throws Exception {
        String owner = Tokens.token("rosa", "org-a", List.of("member"));
        String saved = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("name", "rotated watch", "visibility", "PRIVATE", "query",
                        Map.of("values", List.of("192.0.2.199"))))
                .post("/api/v1/saved-searches").then().statusCode(201).extract().path("id");
        String watch = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("webhookUrl", "https://hooks.example.org/alliance"))
                .post("/api/v1/saved-searches/" + saved + "/watch").then().statusCode(201).extract().path("watch.id");
        String context = "watch/" + watch + "/webhook-secret";
        Map<String, String> before = Db.rows("select webhook_secret_key_id, webhook_secret_ciphertext from watch "
                + "where id = ?::uuid", watch).get(0);
        String secret = cipher.open(new SealedSecret(before.get("webhook_secret_key_id"),
                before.get("webhook_secret_ciphertext")), context);
        SealedSecret underOld = new SecretCipher(config(Map.of("old", OLD_KEY), "old")).seal(secret, context);
        Db.update("update watch set webhook_secret_key_id = ?, webhook_secret_ciphertext = ? where id = ?::uuid",
                underOld.keyId(), underOld.ciphertext(), watch);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).post("/api/v1/admin/crypto/rotate").then()
                .statusCode(200).body("reencrypted", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        Map<String, String> after = Db.rows("select webhook_secret_key_id, webhook_secret_ciphertext from watch "
                + "where id = ?::uuid", watch).get(0);
        assertThat(after.get("webhook_secret_key_id")).isEqualTo("demo");
        assertThat(cipher.open(new SealedSecret("demo", after.get("webhook_secret_ciphertext")), context))
                .isEqualTo(secret);
    }

    @Test
    void startRefusesMissingOrBadKeys() {
        assertThatThrownBy(() -> new SecretCipher(config(Map.of(), null)))
                .hasMessageContaining("alliance.crypto.active-key");
        assertThatThrownBy(() -> new SecretCipher(config(Map.of("a", OLD_KEY), "b")))
                .hasMessageContaining("alliance.crypto.keys.b");
        assertThatThrownBy(() -> new SecretCipher(config(Map.of("a", "c2hvcnQ="), "a")))
                .hasMessageContaining("32 bytes");
    }

    private static CryptoConfig config(Map<String, String> keys, String active) {
        return new CryptoConfig() {
            @Override
            public Map<String, String> keys() {
                return keys;
            }

            @Override
            public Optional<String> activeKey() {
                return Optional.ofNullable(active);
            }
        };
    }
}
