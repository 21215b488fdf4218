package org.alliancesearch.portal.apikey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.alliancesearch.model.mispapi.MispIds;
import org.alliancesearch.portal.apikey.service.KeyAuthenticator;
import org.alliancesearch.portal.apikey.service.KeyOwner;
import org.alliancesearch.portal.apikey.service.MispUserView;
import org.alliancesearch.portal.search.support.OnVertx;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The misp-key mechanism on the MISP-compatible paths: a key in {@code Authorization} or {@code X-MISP-AUTH} acts as
 * its owner as recorded at sign-in; anything else (no key, a wrong, malformed, expired or revoked key, a bearer token, a
 * session cookie) is MISP's 403, never a redirect; the key never appears in an answer or a log line.
 */
@QuarkusTest
class MispKeyAuthenticationTest {
    static final String MISP_AUTH_FAILED = "Authentication failed. Please make sure you pass the API key of an API"
            + " enabled user along in the Authorization header.";

    private final List<String> logLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    line.append(' ').append(p);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            synchronized (logLines) {
                logLines.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    KeyAuthenticator authenticator;

    @Inject
    io.vertx.core.Vertx vertx;

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    /** MISP's refusal: 403, JSON, MISP's body with the request path, no redirect, no problem document. */
    static void refusedAsMisp(Response response, String path) {
        assertThat(response.statusCode()).as("status of " + path).isEqualTo(403);
        assertThat(response.header("Location")).isNull();
        assertThat(response.contentType()).startsWith("application/json");
        Map<String, Object> body = response.jsonPath().getMap("");
        assertThat(body).containsOnlyKeys("name", "message", "url");
        assertThat(body.get("name")).isEqualTo(MISP_AUTH_FAILED);
        assertThat(body.get("url")).isEqualTo(path);
    }

    @Test
    void aKeyWorksInAuthorizationAndInXMispAuthOnEveryFormOfTheMePath() throws Exception {
        ApiKeyUsers olga = ApiKeyUsers.fresh("olga", "org-a", "member");
        String key = olga.newKey("pymisp");
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("/users/view/me", "/users/view/me.json")) {
            Response byAuthorization = given().redirects().follow(false).header("Authorization", key)
                    .accept(ContentType.JSON).get(path);
            byAuthorization.then().statusCode(200).contentType(ContentType.JSON);
            Response byMispHeader = given().redirects().follow(false).header("X-MISP-AUTH", key)
                    .accept(ContentType.JSON).get(path);
            byMispHeader.then().statusCode(200);
            Response byPost = given().redirects().follow(false).header("Authorization", key)
                    .contentType(ContentType.JSON).body("{}").post(path);
            byPost.then().statusCode(200);
            Response byEmptyPost = given().redirects().follow(false).header("Authorization", key).post(path);
            byEmptyPost.then().statusCode(200);
            bodies.addAll(List.of(byAuthorization.asString(), byMispHeader.asString(), byPost.asString(),
                    byEmptyPost.asString()));
            assertThat(byMispHeader.jsonPath().getMap("")).isEqualTo(byAuthorization.jsonPath().getMap(""));
        }
        Response me = given().header("Authorization", key).get("/users/view/me");
        Map<String, Object> user = me.jsonPath().getMap("User");
        assertThat(user).containsEntry("id", MispIds.of(olga.subject())).containsEntry("email", olga.name())
                .containsEntry("role_id", "6").containsEntry("authkey", null).containsEntry("disabled", false)
                .containsEntry("termsaccepted", true).containsEntry("invited_by", "0")
                .containsKeys("current_login", "last_login", "date_created", "date_modified", "last_api_access");
        assertThat((String) user.get("id")).matches("[0-9]+");
        assertThat((String) user.get("date_created")).matches("[0-9]+");
        assertThat(me.jsonPath().getMap("UserSetting")).isEmpty();
        assertThat(me.jsonPath().getString("Role.name")).isEqualTo("alliance member (read-only)");
        assertThat(me.jsonPath().getBoolean("Role.perm_auth")).isTrue();
        assertThat(me.jsonPath().getBoolean("Role.perm_site_admin")).isFalse();
        assertThat(me.jsonPath().getBoolean("Role.perm_add")).isFalse();
        assertThat(me.jsonPath().getString("Role.rate_limit_count")).isEqualTo("0");
        String orgUuid = MispUserView.organisationUuid("org-a");
        assertThat(me.jsonPath().getMap("Organisation")).containsEntry("name", "org-a")
                .containsEntry("uuid", orgUuid).containsEntry("id", MispIds.of(orgUuid))
                .containsEntry("local", true);
        assertThat(user.get("org_id")).isEqualTo(MispIds.of(orgUuid));

        // the key never comes back, and never reaches a log line
        assertThat(bodies).allSatisfy(b -> assertThat(b).doesNotContain(key));
        synchronized (logLines) {
            assertThat(logLines).noneMatch(line -> line.contains(key));
        }
        // its use is noted
        assertThat(Db.rows("select last_used_at from api_key where owner_sub = ?", olga.subject()).get(0)
                .get("last_used_at")).isNotNull();
        assertThat(given().auth().oauth2(olga.token()).get("/api/v1/me/api-keys").jsonPath()
                .getString("[0].lastUsedAt")).isNotBlank();
    }

    @Test
    void usesAreAuditedSparingly() throws Exception {
        ApiKeyUsers pia = ApiKeyUsers.member("pia");
        String key = pia.newKey("sampled");
        String id = given().auth().oauth2(pia.token()).get("/api/v1/me/api-keys").jsonPath().getString("[0].id");
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", key).get("/users/view/me").then().statusCode(200);
        }
        List<Map<String, String>> uses = Db.rows(
                "select actor, actor_org from audit_entry where action = 'api-key.use' and target_id = ?", id);
        assertThat(uses).hasSize(1);
        assertThat(uses.get(0)).containsEntry("actor", pia.name()).containsEntry("actor_org", "org-a");
    }

    @Test
    void theEmailComesFromTheTokenWhenItHasOne() {
        String subject = "sub-quinn-" + System.nanoTime();
        String token = io.smallrye.jwt.build.Jwt.preferredUserName("quinn").subject(subject)
                .issuer("https://server.example.com").audience("portal").claim("org", "org-b")
                .claim("email", "quinn@org-b.example").claim("realm_access", Map.of("roles", List.of("member")))
                .sign();
        String key = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "mail", "expiresInDays", 10)).post("/api/v1/me/api-keys").then().statusCode(201)
                .extract().path("key");
        given().header("Authorization", key).get("/users/view/me").then().statusCode(200)
                .body("User.email", org.hamcrest.Matchers.equalTo("quinn@org-b.example"))
                .body("Organisation.name", org.hamcrest.Matchers.equalTo("org-b"));
    }

    @Test
    void missingWrongMalformedExpiredAndRevokedKeysAreRefusedAsMispRefusesThem() throws Exception {
        ApiKeyUsers rita = ApiKeyUsers.member("rita");
        String key = rita.newKey("soon revoked");
        String path = "/users/view/me";
        List<Response> answers = new ArrayList<>();
        // nothing at all
        refusedAsMisp(given().redirects().follow(false).get(path), path);
        refusedAsMisp(given().redirects().follow(false).post(path + ".json"), path + ".json");
        // a well-formed key nobody holds, a malformed one, the key with a Bearer prefix (MISP takes the bare key)
        String unknown = "A".repeat(40);
        for (String wrong : List.of(unknown, key.substring(1), key + "x", "short", "Bearer " + key,
                key.substring(0, 39) + "!")) {
            Response r = given().redirects().follow(false).header("Authorization", wrong).get(path);
            refusedAsMisp(r, path);
            answers.add(r);
            Response m = given().redirects().follow(false).header("X-MISP-AUTH", wrong).get(path);
            refusedAsMisp(m, path);
        }
        // expired: a row whose expiry has passed
        String expired = "Expired" + "x".repeat(29) + "1234";
        Db.update("insert into api_key (id, owner_sub, name, key_hash, last4, created_at, expires_at)"
                + " values (gen_random_uuid(), ?, 'old', ?, '1234', now() - interval '10 days',"
                + " now() - interval '1 minute')", rita.subject(), ApiKeyApiTest.sha256(expired));
        refusedAsMisp(given().redirects().follow(false).header("Authorization", expired).get(path), path);
        // the same row made current works (so it is the expiry that refused it)
        Db.update("update api_key set expires_at = now() + interval '1 day' where last4 = '1234' and owner_sub = ?",
                rita.subject());
        given().header("Authorization", expired).get(path).then().statusCode(200);

        // revoked: refused at once
        given().header("Authorization", key).get(path).then().statusCode(200);
        String id = given().auth().oauth2(rita.token()).get("/api/v1/me/api-keys").jsonPath()
                .<Map<String, Object>>getList("").stream().filter(k -> !"1234".equals(k.get("last4")))
                .map(k -> (String) k.get("id")).findFirst().orElseThrow();
        given().auth().oauth2(rita.token()).delete("/api/v1/me/api-keys/" + id).then().statusCode(204);
        refusedAsMisp(given().redirects().follow(false).header("Authorization", key).get(path), path);
        refusedAsMisp(given().redirects().follow(false).header("X-MISP-AUTH", key).get(path), path);

        answers.forEach(a -> assertThat(a.asString()).doesNotContain(key));
        synchronized (logLines) {
            assertThat(logLines).noneMatch(line -> line.contains(key) || line.contains(expired));
        }
    }

    @Test
    void bearerTokensAreRefusedOnMispPaths() {
        for (String path : List.of("/users/view/me", "/users/view/me.json")) {
            refusedAsMisp(given().redirects().follow(false).auth().oauth2(Tokens.alice()).get(path), path);
            refusedAsMisp(given().redirects().follow(false).auth().oauth2(Tokens.admin()).post(path), path);
        }
        // the other MISP-compatible paths are guarded the same way, whoever serves them
        for (String path : List.of("/servers/getVersion", "/attributes/restSearch", "/events/restSearch")) {
            refusedAsMisp(given().redirects().follow(false).auth().oauth2(Tokens.alice()).get(path), path);
            refusedAsMisp(given().redirects().follow(false).get(path), path);
        }
    }

    @Test
    void theKeyActsWithTheOrganisationAndRolesOfTheOwnersLastSignIn() throws Exception {
        ApiKeyUsers sam = ApiKeyUsers.fresh("sam", "org-a", "member", "admin");
        String key = sam.newKey("follows sign-in");
        assertThat(Db.rows("select * from portal_user where subject = ?", sam.subject()).get(0))
                .containsEntry("username", sam.name()).containsEntry("organisation", "org-a")
                .containsEntry("roles", "member,admin");
        given().header("Authorization", key).get("/users/view/me").then().statusCode(200)
                .body("Organisation.name", org.hamcrest.Matchers.equalTo("org-a"));
        assertThat(owner(key).roles()).containsExactlyInAnyOrder("member", "admin");

        // sam signs in again, moved to org-b and no longer admin: the key follows
        given().auth().oauth2(sam.signedInAs("org-b", "member").token()).get("/api/v1/me").then().statusCode(200);
        assertThat(Db.rows("select * from portal_user where subject = ?", sam.subject()).get(0))
                .containsEntry("organisation", "org-b").containsEntry("roles", "member");
        given().header("Authorization", key).get("/users/view/me").then().statusCode(200)
                .body("Organisation.name", org.hamcrest.Matchers.equalTo("org-b"));
        KeyOwner owner = owner(key);
        assertThat(owner.roles()).containsExactly("member");
        assertThat(owner.organisation()).isEqualTo("org-b");
        assertThat(owner.subject()).isEqualTo(sam.subject());
        assertThat(owner.username()).isEqualTo(sam.name());

        // sam signs in without a role of the portal: the key is refused
        given().auth().oauth2(sam.signedInAs("org-b", "offline_access").token()).get("/api/v1/me");
        refusedAsMisp(given().header("Authorization", key).get("/users/view/me"), "/users/view/me");
        // ... and without an organisation: refused too
        given().auth().oauth2(sam.signedInAs(null, "member").token()).get("/api/v1/me");
        refusedAsMisp(given().header("Authorization", key).get("/users/view/me"), "/users/view/me");
        // back as a member of org-a: accepted again
        given().auth().oauth2(sam.signedInAs("org-a", "member").token()).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", key).get("/users/view/me").then().statusCode(200);
    }

    private KeyOwner owner(String key) {
        return OnVertx.await(vertx, () -> authenticator.authenticate(key));
    }
}
