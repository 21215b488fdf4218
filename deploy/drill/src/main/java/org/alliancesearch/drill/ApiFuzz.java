package org.alliancesearch.drill;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scenario 2: every operation of the portal's OpenAPI document (read from the running portal), called by every kind of
 * caller with a valid request and generated bad ones. Writes the matrix operation × caller → expected / observed.
 */
final class ApiFuzz {
    /** What the matrix allows a caller: {@code deny} means no 2xx answer. */
    enum Expect {
        ALLOW, DENY_401, DENY_403, DENY_NOT_FOUND
    }

    record Operation(String method, String path, JsonNode spec) {
        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private final PortalApi api;
    private final DrillSizes sizes;
    private final Report report;
    private final String base;
    private JsonNode document;
    private String ownSaved;
    private String foreignSaved;
    private int sent;
    private int fiveHundreds;
    private int unreadRefusals;
    /** From this size a body is "large" (the 1 MB strings and the 10 MB body). */
    private static final int LARGE_BODY = 1_000_000;
    private int forbidden;
    private final List<String> firstProblems = new ArrayList<>();
    /** operation → caller → observed status counts. */
    private final Map<String, Map<String, TreeMap<Integer, Integer>>> observed = new TreeMap<>();
    private final Map<String, Map<String, Expect>> expected = new TreeMap<>();
    private final Map<String, Integer> perOperation = new TreeMap<>();

    ApiFuzz(PortalApi api, DrillSizes sizes, Report report, String base) {
        this.api = api;
        this.sizes = sizes;
        this.report = report;
        this.base = base;
    }

    void run(java.nio.file.Path matrixFile) throws Exception {
        String s = "2 API fuzz";
        Http.Reply doc = Http.get(base + "/q/openapi?format=json", null);
        if (doc.status() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + doc.brief());
        }
        document = doc.json();
        // bob's private saved search: alice must not reach it by id, and the other way round
        foreignSaved = api.saveSearch(base, Callers.ORG_B, "drill fuzz bob private", "PRIVATE",
                List.of("h1.drill.example"));
        ownSaved = api.saveSearch(base, Callers.ORG_A, "drill fuzz alice private", "PRIVATE",
                List.of("h1.drill.example"));
        List<Operation> ops = operations();
        for (Operation op : ops) {
            for (String caller : Callers.ALL) {
                expected.computeIfAbsent(op.name(), k -> new LinkedHashMap<>()).put(caller, expect(op, caller));
                for (Input in : inputs(op, caller)) {
                    call(op, caller, in, expect(op, caller));
                }
            }
            // another organisation's saved search by id
            if (op.path().contains("{") && op.path().startsWith("/api/v1/saved-searches")) {
                for (Input in : List.of(valid(op, foreignSaved))) {
                    call(op, Callers.ORG_A, in, Expect.DENY_NOT_FOUND);
                }
            }
        }
        Files.writeString(matrixFile, matrix(ops));
        report.add(s, "operations × callers covered", ops.size() + " × " + Callers.ALL.size(), "every operation",
                !ops.isEmpty(), null, true);
        report.info(s, "requests sent", sent, String.format(Locale.ROOT, "%.0f per operation on average",
                (double) sent / Math.max(1, ops.size())));
        report.info(s, "large bodies (≥ 1 MB) whose answer the client could not read (connection reset)",
                unreadRefusals, "refused (403, 413) before the body was read; the connection closed with the rest"
                        + " unread");
        report.add(s, "answers 5xx or no answer", fiveHundreds, "0", fiveHundreds == 0,
                firstProblems.isEmpty() ? null : String.join("; ", firstProblems), true);
        report.add(s, "answers the matrix forbids (2xx to a denied caller)", forbidden, "0", forbidden == 0,
                firstProblems.isEmpty() ? null : String.join("; ", firstProblems), true);
    }

    private List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (List.of("get", "post", "put", "delete", "patch").contains(m.getKey())) {
                    out.add(new Operation(m.getKey(), p.getKey(), m.getValue()));
                }
            }
        }
        return out;
    }

    static boolean adminOnly(String path) {
        return path.startsWith("/api/v1/admin") || path.contains("audit");
    }

    static Expect expect(Operation op, String caller) {
        if (op.path().startsWith("/q/")) {
            return Expect.ALLOW;
        }
        return switch (caller) {
            case Callers.ANONYMOUS, Callers.OTHER_CLIENT, Callers.EXPIRED -> Expect.DENY_401;
            case Callers.ORG_A, Callers.ORG_B -> adminOnly(op.path()) ? Expect.DENY_403 : Expect.ALLOW;
            default -> Expect.ALLOW;
        };
    }

    record Input(String kind, String path, String contentType, byte[] body) {
    }

    private List<Input> inputs(Operation op, String caller) {
        List<Input> out = new ArrayList<>();
        String id = op.path().startsWith("/api/v1/saved-searches") && caller.equals(Callers.ORG_A)
                && !op.method().equals("delete") ? ownSaved : UUID.randomUUID().toString();
        out.add(valid(op, id));
        boolean member = caller.equals(Callers.ORG_A) || caller.equals(Callers.ADMIN);
        if (!sizes.allFuzzKinds() && !member) {
            out.add(withBody(op, id, "not JSON", "application/json", "{\"values\": [".getBytes()));
            return out;
        }
        JsonNode schema = bodySchema(op);
        boolean hasBody = schema != null;
        if (hasBody) {
            out.add(withJson(op, id, "missing fields", Http.JSON.createObjectNode()));
            ObjectNode extra = sample(schema, 0).deepCopy() instanceof ObjectNode o ? o : Http.JSON.createObjectNode();
            extra.put("drillExtraField", "x").put("isAdmin", true).put("organisation", "org-b");
            out.add(withJson(op, id, "extra fields", extra));
            out.add(withJson(op, id, "wrong types", mutate(sample(schema, 0), "wrong")));
            out.add(withJson(op, id, "control characters", mutate(sample(schema, 0), "control")));
            out.add(withJson(op, id, "unicode confusables", mutate(sample(schema, 0), "confusable")));
            out.add(withJson(op, id, "negative numbers", mutate(sample(schema, 0), "negative")));
            out.add(withJson(op, id, "huge numbers", mutate(sample(schema, 0), "huge")));
            out.add(withBody(op, id, "not JSON", "application/json", "{\"values\": [".getBytes()));
            out.add(withBody(op, id, "wrong content type", "text/plain", "values=1".getBytes()));
            if (sizes.allFuzzKinds() || caller.equals(Callers.ORG_A)) {
                out.add(withJson(op, id, "1 MB strings", mutate(sample(schema, 0), "long")));
                byte[] big = ("{\"values\":[\"" + "a".repeat(10 * 1024 * 1024) + "\"]}")
                        .getBytes(StandardCharsets.UTF_8);
                out.add(withBody(op, id, "10 MB body", "application/json", big));
            }
        }
        if (op.path().contains("{")) {
            for (String bad : List.of("-1", "99999999999999999999", "%2e%2e%2fadmin", "%00", "%D0%B0dmin",
                    "x".repeat(sizes.allFuzzKinds() ? 4000 : 300))) {
                out.add(new Input("bad id " + (bad.length() > 20 ? bad.length() + " chars" : bad),
                        op.path().replaceAll("\\{[^}]+}", bad), hasBody ? "application/json" : null,
                        hasBody ? sample(schema, 0).toString().getBytes(StandardCharsets.UTF_8) : null));
            }
        }
        for (JsonNode p : op.spec().path("parameters")) {
            if (p.path("in").asText().equals("query")) {
                String name = p.path("name").asText();
                for (String v : List.of("-1", "99999999999999999999", "%00%07", "abc", "x".repeat(2000))) {
                    out.add(new Input("query " + name + " bad", fill(op.path(), id) + "?" + name + "=" + v,
                            hasBody ? "application/json" : null,
                            hasBody ? sample(schema, 0).toString().getBytes(StandardCharsets.UTF_8) : null));
                }
            }
        }
        return out;
    }

    private Input valid(Operation op, String id) {
        JsonNode schema = bodySchema(op);
        return new Input("valid", fill(op.path(), id), schema == null ? null : "application/json",
                schema == null ? null : sample(schema, 0).toString().getBytes(StandardCharsets.UTF_8));
    }

    private Input withJson(Operation op, String id, String kind, JsonNode body) {
        return withBody(op, id, kind, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Input withBody(Operation op, String id, String kind, String type, byte[] body) {
        return new Input(kind, fill(op.path(), id), type, body);
    }

    private static String fill(String path, String id) {
        return path.replaceAll("\\{[^}]+}", id);
    }

    private void call(Operation op, String caller, Input in, Expect expect) {
        String method = op.method().toUpperCase(Locale.ROOT);
        byte[] body = in.body();
        if (body == null && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            body = new byte[0];
        }
        Http.Reply r = Http.send(method, base + in.path(), api.callers().token(caller), in.contentType(), body,
                Duration.ofSeconds(60));
        sent++;
        perOperation.merge(op.name(), 1, Integer::sum);
        observed.computeIfAbsent(op.name(), k -> new TreeMap<>()).computeIfAbsent(caller, k -> new TreeMap<>())
                .merge(r.status(), 1, Integer::sum);
        if (r.status() < 0 && body != null && body.length >= LARGE_BODY) {
            // A large body the portal refuses before reading it (403 to a denied caller, 413 over a size limit): it
            // answers and closes the connection, and the unread rest can make the kernel reset the connection before
            // the client reads the answer. Not an answer of the portal's making, so counted apart; any other
            // transport failure counts below.
            unreadRefusals++;
        } else if (r.status() >= 500 || r.status() < 0) {
            fiveHundreds++;
            problem(op.name() + " as " + caller + " (" + in.kind() + ") → " + r.brief());
        }
        if (expect != Expect.ALLOW && r.ok()) {
            forbidden++;
            problem(op.name() + " as " + caller + " (" + in.kind() + ") expected " + expect + ", got " + r.status());
        }
    }

    private void problem(String text) {
        System.out.println("    fuzz: " + text);
        if (firstProblems.size() < 5) {
            firstProblems.add(text);
        }
    }

    private JsonNode bodySchema(Operation op) {
        JsonNode content = op.spec().path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        JsonNode json = content.has("application/json") ? content.get("application/json") : content.elements().next();
        return resolve(json.path("schema"));
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return resolve(document.at(ref.substring(1)));
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    /** A plausible value for a schema: first enum value, example, or a small value of the type. */
    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" : {
                ObjectNode o = Http.JSON.createObjectNode();
                if (depth > 4) {
                    return o;
                }
                Iterator<Map.Entry<String, JsonNode>> f = schema.path("properties").fields();
                while (f.hasNext()) {
                    Map.Entry<String, JsonNode> e = f.next();
                    o.set(e.getKey(), sample(e.getValue(), depth + 1));
                }
                return o;
            }
            case "array" : {
                ArrayNode a = Http.JSON.createArrayNode();
                a.add(sample(schema.path("items"), depth + 1));
                return a;
            }
            case "integer" :
                return Http.JSON.getNodeFactory().numberNode(1000);
            case "number" :
                return Http.JSON.getNodeFactory().numberNode(1.5);
            case "boolean" :
                return Http.JSON.getNodeFactory().booleanNode(true);
            default :
                String format = schema.path("format").asText();
                return Http.JSON.getNodeFactory().textNode(switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date-time" -> "2026-01-01T00:00:00Z";
                    case "date" -> "2026-01-01";
                    case "uri", "url" -> "http://127.0.0.1:9/";
                    default -> "h1.drill.example";
                });
        }
    }

    /** The sample with every leaf replaced as {@code how} says. */
    private static JsonNode mutate(JsonNode node, String how) {
        if (node.isObject()) {
            ObjectNode o = Http.JSON.createObjectNode();
            node.fields().forEachRemaining(e -> o.set(e.getKey(), mutate(e.getValue(), how)));
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = Http.JSON.createArrayNode();
            node.forEach(n -> a.add(mutate(n, how)));
            return a;
        }
        var f = Http.JSON.getNodeFactory();
        return switch (how) {
            case "wrong" -> node.isTextual() ? f.numberNode(12345) : f.textNode("not-a-" + node.getNodeType());
            case "control" -> node.isTextual() ? f.textNode("a\u0000b\u0007c\u001b[31m\r\nd\u202e") : node;
            case "confusable" -> node.isTextual() ? f.textNode("\u0430dmin.\u0435x\u0430mple\u200b.com") : node;
            case "negative" -> node.isNumber() ? f.numberNode(-1) : node;
            case "huge" -> node.isNumber() ? f.numberNode(new java.math.BigInteger("9".repeat(40))) : node;
            case "long" -> node.isTextual() ? f.textNode("a".repeat(1024 * 1024)) : node;
            default -> node;
        };
    }

    private String matrix(List<Operation> ops) {
        StringBuilder b = new StringBuilder();
        b.append("| operation |");
        Callers.ALL.forEach(c -> b.append(' ').append(c).append(" |"));
        b.append("\n|---|");
        Callers.ALL.forEach(c -> b.append("---|"));
        b.append('\n');
        for (Operation op : ops) {
            b.append("| `").append(op.name()).append("` |");
            for (String c : Callers.ALL) {
                Expect e = expected.get(op.name()).get(c);
                String exp = switch (e) {
                    case ALLOW -> "2xx/4xx";
                    case DENY_401 -> "401";
                    case DENY_403 -> "403";
                    case DENY_NOT_FOUND -> "404";
                };
                StringBuilder obs = new StringBuilder();
                observed.getOrDefault(op.name(), Map.of()).getOrDefault(c, new TreeMap<>())
                        .forEach((st, n) -> obs.append(obs.length() == 0 ? "" : " ").append(st).append('×').append(n));
                b.append(' ').append(exp).append(" / ").append(obs).append(" |");
            }
            b.append('\n');
        }
        b.append("\nrequests per operation: ").append(perOperation).append('\n');
        return b.toString();
    }
}
