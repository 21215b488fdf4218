package org.alliancesearch.portal.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Who may call what: every endpoint × anonymous, member org-a, member org-b, member without org, admin. */
@QuarkusTest
class AuthorizationMatrixTest {
    enum Caller {
        ANONYMOUS(() -> null), ALICE(Tokens::alice), BOB(Tokens::bob), NO_ORG(Tokens::erin), ADMIN(Tokens::admin);

        final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }
    }

    /** One endpoint and the expected status for each caller, in {@link Caller} order. */
    record Row(String method, String path, Supplier<Object> body, int... expected) {
    }

    private static String shared;

    private static String sharedMember() {
        if (shared == null) {
            shared = Members.create();
        }
        return shared;
    }

    private static final int REDIRECT_TO_LOGIN = 302;
    private static final int TO_NO_ORG_PAGE = 303;

    static List<Row> table() {
        Supplier<Object> none = () -> null;
        Supplier<Object> newMember = () -> Members.body("Matrix member", "matrix-key");
        Supplier<Object> newKey = () -> Map.of("name", "matrix key", "expiresInDays", 7);
        Supplier<Object> policy = () -> Map.of("maxTlp", "AMBER", "dropTags", List.of("tlp:red", "PAP:RED"));
        return List.of(
                // API: no token 401, no organisation 403, not admin 403
                new Row("GET", "/api/v1/me", none, 401, 200, 200, 403, 200),
                new Row("GET", "/api/v1/admin/members", none, 401, 403, 403, 403, 200),
                new Row("POST", "/api/v1/admin/members", newMember, 401, 403, 403, 403, 201),
                new Row("GET", "/api/v1/admin/members/{shared}", none, 401, 403, 403, 403, 200),
                new Row("PUT", "/api/v1/admin/members/{shared}", newMember, 401, 403, 403, 403, 200),
                new Row("POST", "/api/v1/admin/members/{shared}/test", none, 401, 403, 403, 403, 200),
                new Row("DELETE", "/api/v1/admin/members/{fresh}", none, 401, 403, 403, 403, 204),
                new Row("GET", "/api/v1/admin/health", none, 401, 403, 403, 403, 200),
                new Row("GET", "/api/v1/admin/policy", none, 401, 403, 403, 403, 200),
                new Row("PUT", "/api/v1/admin/policy", policy, 401, 403, 403, 403, 200),
                new Row("POST", "/api/v1/admin/crypto/rotate", none, 401, 403, 403, 403, 200),
                // personal API keys: mine for members, everyone's for admins; unknown ids are 404
                new Row("GET", "/api/v1/me/api-keys", none, 401, 200, 200, 403, 200),
                new Row("POST", "/api/v1/me/api-keys", newKey, 401, 201, 201, 403, 201),
                new Row("DELETE", "/api/v1/me/api-keys/{unknown}", none, 401, 404, 404, 403, 404),
                new Row("GET", "/api/v1/admin/api-keys", none, 401, 403, 403, 403, 200),
                new Row("GET", "/api/v1/me/history", none, 401, 200, 200, 403, 200),
                new Row("GET", "/api/v1/watches", none, 401, 200, 200, 403, 200),
                new Row("GET", "/api/v1/inbox", none, 401, 200, 200, 403, 200),
                new Row("POST", "/api/v1/inbox/read", none, 401, 200, 200, 403, 200),
                // the weekly digest e-mail: each person's own choice
                new Row("GET", "/api/v1/me/digest-subscription", none, 401, 200, 200, 403, 200),
                new Row("PUT", "/api/v1/me/digest-subscription", () -> Map.of("subscribed", false), 401, 200, 200, 403,
                        200),
                new Row("DELETE", "/api/v1/me/history/{unknown}", none, 401, 404, 404, 403, 404),
                new Row("DELETE", "/api/v1/admin/users/{unknown}/history", none, 401, 403, 403, 403, 200),
                // indicators from text (a URL would fetch)
                new Row("POST", "/api/v1/extract", () -> Map.of("text", "1.2.3[.]4"), 401, 200, 200, 403, 200),
                new Row("DELETE", "/api/v1/admin/api-keys/{unknown}", none, 401, 403, 403, 403, 404),
                // MISP-compatible paths: API keys only, so every bearer token (and no token) gets MISP's 403
                new Row("GET", "/users/view/me", none, 403, 403, 403, 403, 403),
                new Row("POST", "/users/view/me.json", none, 403, 403, 403, 403, 403),
                // Pages: no session → login; no organisation → the page that says so; not admin → 403 page
                new Row("GET", "/", none, REDIRECT_TO_LOGIN, 200, 200, TO_NO_ORG_PAGE, 200),
                new Row("GET", "/no-organisation", none, REDIRECT_TO_LOGIN, 200, 200, 200, 200),
                new Row("GET", "/admin/members", none, REDIRECT_TO_LOGIN, 403, 403, 403, 200),
                new Row("GET", "/admin/members/new", none, REDIRECT_TO_LOGIN, 403, 403, 403, 200),
                new Row("GET", "/admin/members/{shared}/edit", none, REDIRECT_TO_LOGIN, 403, 403, 403, 200),
                new Row("GET", "/admin/health", none, REDIRECT_TO_LOGIN, 403, 403, 403, 200),
                new Row("GET", "/admin/policy", none, REDIRECT_TO_LOGIN, 403, 403, 403, 200),
                new Row("GET", "/api-keys", none, REDIRECT_TO_LOGIN, 200, 200, TO_NO_ORG_PAGE, 200),
                new Row("GET", "/history", none, REDIRECT_TO_LOGIN, 200, 200, TO_NO_ORG_PAGE, 200),
                new Row("GET", "/inbox", none, REDIRECT_TO_LOGIN, 200, 200, TO_NO_ORG_PAGE, 200));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Row row : table()) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(row.method() + " " + row.path(), caller, row,
                        row.expected()[caller.ordinal()]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {3}")
    @MethodSource("cases")
    void status(String name, Caller caller, Row row, int expected) {
        String path = row.path().replace("{shared}", row.path().contains("{shared}") ? sharedMember() : "")
                .replace("{fresh}", row.path().contains("{fresh}") ? Members.create() : "")
                .replace("{unknown}", java.util.UUID.randomUUID().toString());
        RequestSpecification request = given().redirects().follow(false);
        String token = caller.token.get();
        if (token != null) {
            request.auth().oauth2(token);
        }
        Object body = row.body().get();
        // JSON also for POSTs without a body: REST Assured would otherwise send a form content type, which the CSRF
        // check reserves for pages.
        request.contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        Response response = request.request(row.method(), path);
        assertThat(response.statusCode()).as(name + " as " + caller).isEqualTo(expected);
        if (path.startsWith("/api/") && expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
        }
        if (expected == REDIRECT_TO_LOGIN) {
            // the authorization-code flow of the realm, with this portal as the redirect target
            assertThat(response.header("Location")).contains("/realms/quarkus").contains("response_type=code")
                    .contains("client_id=portal");
        }
        if (expected == TO_NO_ORG_PAGE) {
            assertThat(response.header("Location")).endsWith("/no-organisation");
        }
        if (path.startsWith("/users/view/")) {
            // MISP's own refusal, never a sign-in redirect nor a problem document
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(response.jsonPath().getString("name")).startsWith("Authentication failed.");
            assertThat(response.jsonPath().getString("url")).isEqualTo(path);
        } else if (!path.startsWith("/api/") && expected == 403) {
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(response.body().asString()).contains("administrators only");
        }
    }
}
