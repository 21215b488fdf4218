package org.alliancesearch.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain HTTP calls to simulated servers, as a MISP client makes them. */
final class Http {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    record Reply(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Attributes of an attribute search answer. */
        List<JsonNode> attributes() {
            List<JsonNode> out = new ArrayList<>();
            json().path("response").path("Attribute").forEach(out::add);
            return out;
        }

        List<String> values() {
            return attributes().stream().map(a -> a.get("value").asText()).toList();
        }

        /** Inner Event objects of an event search answer. */
        List<JsonNode> events() {
            List<JsonNode> out = new ArrayList<>();
            json().path("response").forEach(e -> out.add(e.get("Event")));
            return out;
        }
    }

    static Reply post(SimulatedMisp misp, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(misp.url() + path)).header("Authorization", misp.apiKey())
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply post(SimulatedMisp misp, String path, JsonNode json) {
        return post(misp, path, json.toString());
    }

    static Reply send(HttpRequest.Builder request) {
        return send(CLIENT, request);
    }

    /** Posts on a new connection: a pooled one opened before a fault was set would not show what new callers see. */
    static Reply postOnNewConnection(SimulatedMisp misp, String path, String json) {
        return send(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                HttpRequest.newBuilder(URI.create(misp.url() + path)).header("Authorization", misp.apiKey())
                        .header("Accept", "application/json").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Reply send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
