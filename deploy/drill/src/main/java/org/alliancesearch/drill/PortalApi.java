package org.alliancesearch.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.alliancesearch.simulator.SimulatedMisp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The portal's REST API calls the scenarios share. */
final class PortalApi {
    private final Callers callers;

    PortalApi(Callers callers) {
        this.callers = callers;
    }

    Callers callers() {
        return callers;
    }

    /** Registers a simulated member (admin); returns its id. */
    String addMember(String base, SimulatedMisp m, int timeoutMs) {
        ObjectNode body = Http.JSON.createObjectNode().put("name", "MISP " + m.name())
                .put("organisation", m.name()).put("url", m.url()).put("verifyTls", true)
                .put("timeoutMs", timeoutMs).put("enabled", true).put("apiKey", m.apiKey());
        Http.Reply r = Http.json("POST", base + "/api/v1/admin/members", callers.user("admin"), body);
        if (r.status() != 201) {
            throw new IllegalStateException("registering " + m.name() + " failed: " + r.brief());
        }
        return r.json().path("id").asText();
    }

    /** Every registered member: id → name. */
    Map<String, String> members(String base) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode m : Http.get(base + "/api/v1/admin/members", callers.user("admin")).json()) {
            out.put(m.path("id").asText(), m.path("name").asText());
        }
        return out;
    }

    void deleteMember(String base, String id) {
        Http.send("DELETE", base + "/api/v1/admin/members/" + id, callers.user("admin"), null, null,
                java.time.Duration.ofSeconds(30));
    }

    static ObjectNode searchBody(List<String> values) {
        ObjectNode b = Http.JSON.createObjectNode();
        ArrayNode v = b.putArray("values");
        values.forEach(v::add);
        return b;
    }

    Http.Reply search(String base, String caller, List<String> values) {
        return Http.json("POST", base + "/api/v1/search", callers.token(caller), searchBody(values));
    }

    /** Member statuses of a search answer: organisation → status. */
    static Map<String, String> statuses(JsonNode answer) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode m : answer.path("members")) {
            out.put(m.path("organisation").asText(), m.path("status").asText());
        }
        return out;
    }

    /** Ids of the saved searches a caller sees. */
    List<JsonNode> savedSearches(String base, String caller) {
        List<JsonNode> out = new ArrayList<>();
        Http.get(base + "/api/v1/saved-searches", callers.token(caller)).json().forEach(out::add);
        return out;
    }

    String saveSearch(String base, String caller, String name, String visibility, List<String> values) {
        ObjectNode body = Http.JSON.createObjectNode().put("name", name).put("description", "drill")
                .put("visibility", visibility);
        body.set("query", searchBody(values));
        Http.Reply r = Http.json("POST", base + "/api/v1/saved-searches", callers.token(caller), body);
        if (r.status() != 201) {
            throw new IllegalStateException("saving a search failed: " + r.brief());
        }
        return r.json().path("id").asText();
    }
}
