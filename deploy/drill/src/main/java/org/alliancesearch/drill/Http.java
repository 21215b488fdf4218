package org.alliancesearch.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain HTTP calls as a script makes them; a transport failure is an answer with status -1, never an exception. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    /**
     * One answer.
     *
     * @param status HTTP status, or -1 when the call failed before an answer (connection refused or reset, timeout)
     * @param body the body, or the failure's message
     * @param contentType the Content-Type header or ""
     * @param location the Location header or ""
     */
    record Reply(int status, String body, String contentType, String location) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        /** A problem document ({@code application/problem+json} with a title or type). */
        boolean problem() {
            return contentType.contains("json") && (json().has("title") || json().has("type"));
        }

        String brief() {
            return status + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }

    static Reply send(String method, String url, String token, String contentType, byte[] body, Duration timeout) {
        return send(method, url, token, contentType, body, timeout, "application/json");
    }

    static Reply send(String method, String url, String token, String contentType, byte[] body, Duration timeout,
            String accept) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", accept);
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body() == null ? "" : r.body(),
                    r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Location").orElse(""));
        } catch (IOException | IllegalArgumentException e) {
            return new Reply(-1, e.getClass().getSimpleName() + ": " + e.getMessage(), "", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted", "", "");
        }
    }

    static Reply get(String url, String token) {
        return send("GET", url, token, null, null, Duration.ofSeconds(60));
    }

    static Reply json(String method, String url, String token, Object body) {
        byte[] bytes;
        try {
            bytes = body instanceof String s
                    ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(method, url, token, "application/json", bytes, Duration.ofSeconds(120));
    }
}
