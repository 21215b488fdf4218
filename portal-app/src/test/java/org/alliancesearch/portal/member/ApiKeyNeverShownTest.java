package org.alliancesearch.portal.member;

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

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A member's API key never appears in a response, a page, or a log line, whatever the admin does with it. */
@QuarkusTest
class ApiKeyNeverShownTest {
    private static final String KEY = "NeverShowThisKey-7c1e9a0b5d";
    private static final String NEW_KEY = "NeverShowThisKeyEither-42f0";

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

    @BeforeEach
    void captureLogs() {
        Logger root = Logger.getLogger("");
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void keyNeverLeaves() {
        List<String> bodies = new ArrayList<>();
        Map<String, Object> body = Members.body("Secretive", KEY);
        Response created = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members");
        bodies.add(created.asString());
        String id = created.path("id");
        bodies.add(given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members/" + id).asString());
        bodies.add(given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members").asString());
        bodies.add(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .post("/api/v1/admin/members/" + id + "/test").asString());
        // a failed change echoes nothing of the key either
        Map<String, Object> bad = Members.body("Secretive", NEW_KEY);
        bad.put("url", "ftp://x");
        bodies.add(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(bad)
                .put("/api/v1/admin/members/" + id).asString());
        Map<String, Object> change = Members.body("Secretive", NEW_KEY);
        change.put("url", created.path("url"));
        bodies.add(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(change)
                .put("/api/v1/admin/members/" + id).asString());
        bodies.add(given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/health").asString());
        bodies.add(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .post("/api/v1/admin/crypto/rotate").asString());
        for (String page : List.of("/admin/members", "/admin/members/" + id + "/edit", "/admin/health")) {
            bodies.add(given().auth().oauth2(Tokens.admin()).get(page).asString());
        }
        PagesTest.Csrf csrf = PagesTest.csrf("/admin/members");
        bodies.add(given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .post("/admin/members/" + id + "/test").asString());
        bodies.add(given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("name", "x").formParam("organisation", "y").formParam("url", "ftp://nope")
                .formParam("apiKey", KEY).post("/admin/members").asString());

        assertThat(bodies).hasSizeGreaterThan(10).allSatisfy(b -> {
            assertThat(b).doesNotContain(KEY).doesNotContain(NEW_KEY);
        });
        assertThat(bodies.get(0)).contains("\"hasApiKey\":true");
        synchronized (logLines) {
            assertThat(logLines).isNotEmpty();
            assertThat(logLines).noneMatch(line -> line.contains(KEY) || line.contains(NEW_KEY));
        }
    }
}
