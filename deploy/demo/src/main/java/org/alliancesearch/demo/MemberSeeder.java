package org.alliancesearch.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Registers member MISP instances through the portal's admin API, as an alliance admin would, unless a member with
 * the same URL is registered already.
 */
public final class MemberSeeder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String portalUrl;
    private final String bearer;

    private MemberSeeder(String portalUrl, String bearer) {
        this.portalUrl = portalUrl;
        this.bearer = bearer;
    }

    /** Signs in as {@code username} with the password grant of the portal client. */
    public static MemberSeeder signIn(String portalUrl, String realmUrl, String clientId, String clientSecret,
            String username, String password) throws IOException, InterruptedException {
        return new MemberSeeder(portalUrl,
                accessToken(realmUrl, clientId, clientSecret, username, password));
    }

    /** An access token from Keycloak's direct access grant (for scripts and tests). */
    public static String accessToken(String realmUrl, String clientId, String clientSecret, String username,
            String password) throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", clientId, "client_secret", clientSecret,
                "username", username, "password", password, "scope", "openid")
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new LauncherException("Keycloak refused the sign-in of " + username + ": HTTP "
                    + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /** URLs of the members the portal has now. */
    public Set<String> registeredUrls() throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/v1/admin/members")).GET());
        if (r.statusCode() != 200) {
            throw new LauncherException("listing members failed: HTTP " + r.statusCode() + " " + r.body());
        }
        Set<String> urls = new HashSet<>();
        JsonNode body = JSON.readTree(r.body());
        for (JsonNode m : body.isArray() ? body : body.path("items")) {
            urls.add(stripSlash(m.path("url").asText()));
        }
        return urls;
    }

    /** Registers the member unless its URL is known; returns true when it was added. */
    public boolean ensureMember(String name, String organisation, String url, String apiKey)
            throws IOException, InterruptedException {
        if (registeredUrls().contains(stripSlash(url))) {
            return false;
        }
        ObjectNode member = JSON.createObjectNode()
                .put("name", name)
                .put("organisation", organisation)
                .put("url", url)
                .put("apiKey", apiKey)
                .put("verifyTls", true)
                .put("timeoutMs", 10_000)
                .put("enabled", true);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/v1/admin/members"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(member))));
        if (r.statusCode() != 201) {
            throw new LauncherException("registering " + name + " failed: HTTP " + r.statusCode() + " " + r.body());
        }
        return true;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
