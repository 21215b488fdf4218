package org.alliancesearch.portal.apikey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A real browser session (the authorization-code flow against the test OIDC server) opens the pages but not the
 * MISP-compatible paths: there it is MISP's 403, never a redirect to sign-in, so a cross-site page cannot use it.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(MispSessionRefusedTest.WholeSessionCookie.class)
class MispSessionRefusedTest {
    /**
     * The test OIDC server issues no refresh token, which the split session cookies cannot hold; one session cookie
     * can.
     */
    public static class WholeSessionCookie implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.token-state-manager.split-tokens", "false");
        }
    }

    @Test
    void aSignedInBrowserGetsMispsRefusal() {
        Map<String, String> cookies = new HashMap<>();
        Response start = given().redirects().follow(false).get("/api-keys");
        assertThat(start.statusCode()).isEqualTo(302);
        cookies.putAll(start.cookies());
        URI authorize = URI.create(start.header("Location"));
        // the test server's login form sends the browser back with a code
        Response login = given().redirects().follow(false).baseUri(authorize.getScheme() + "://"
                + authorize.getAuthority()).port(authorize.getPort()).basePath("")
                .queryParams(query(authorize)).queryParam("username", "alice").queryParam("password", "alice")
                .get("/login");
        assertThat(login.statusCode()).isEqualTo(302);
        Response back = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                .get(login.header("Location"));
        cookies.putAll(back.cookies());
        // a cookie the answer expired (the sign-in state) is gone, as in a browser
        cookies.values().removeIf(String::isEmpty);
        assertThat(cookies.keySet()).as("a session cookie").anyMatch(name -> name.startsWith("q_session"));
        // the session opens pages (a page may still say there is no organisation: any answer but sign-in will do)
        Response page = given().redirects().follow(false).cookies(cookies).get("/api-keys");
        assertThat(page.statusCode()).isNotEqualTo(302).isNotEqualTo(401);

        for (String path : new String[]{"/users/view/me", "/users/view/me.json"}) {
            MispKeyAuthenticationTest.refusedAsMisp(given().redirects().follow(false).cookies(cookies).get(path),
                    path);
            MispKeyAuthenticationTest.refusedAsMisp(given().redirects().follow(false).cookies(cookies)
                    .contentType("application/json").body("{}").post(path), path);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("state") || kv[0].equals("redirect_uri")) {
                params.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
