package org.alliancesearch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The simulator's admin endpoint, on its own port so that it keeps working while an instance is {@code down}:
 * <ul>
 * <li>{@code GET /_sim/instances}: every instance with URL, organisation, counts and fault</li>
 * <li>{@code GET /_sim/instances/{org}/fault}</li>
 * <li>{@code POST /_sim/instances/{org}/fault} with {@code {"fault": "latency=200,error-rate=0.1"}} or the spec as
 * plain text</li>
 * <li>{@code POST /_sim/instances/{org}/events} with MISP event JSON (one event, a list, or a restSearch answer):
 * adds the events with their own {@code date}, {@code timestamp} and {@code publish_timestamp}; answers the counts</li>
 * <li>{@code POST /_sim/instances/{org}/sighting-permission} with {@code {"allowed": false}} and optionally
 * {@code "key"} (default: every key of the instance)</li>
 * </ul>
 * Every call needs the header {@code X-Sim-Admin-Token}.
 */
final class AdminEndpoint {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Vertx vertx;
    private final SimulatorCluster cluster;
    private final String token;

    AdminEndpoint(Vertx vertx, SimulatorCluster cluster, String token) {
        this.vertx = vertx;
        this.cluster = cluster;
        this.token = token;
    }

    Future<HttpServer> listen(String host, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(8L * 1024 * 1024));
        router.route().handler(ctx -> {
            if (token.equals(ctx.request().getHeader("X-Sim-Admin-Token"))) {
                ctx.next();
            } else {
                reply(ctx, 401, error("missing or wrong X-Sim-Admin-Token"));
            }
        });
        router.get("/_sim/instances").handler(this::list);
        router.get("/_sim/instances/:org/fault").handler(ctx -> withInstance(ctx, misp -> reply(ctx, 200,
                state(misp))));
        router.route("/_sim/instances/:org/fault").handler(this::setFault);
        router.post("/_sim/instances/:org/events").handler(this::addEvents);
        router.post("/_sim/instances/:org/sighting-permission").handler(this::sightingPermission);
        router.route().last().handler(ctx -> reply(ctx, 404, error("not found")));
        return vertx.createHttpServer().requestHandler(router).listen(port, host);
    }

    private void list(RoutingContext ctx) {
        ArrayNode out = MAPPER.createArrayNode();
        for (SimulatedMisp misp : cluster.instances()) {
            out.add(state(misp));
        }
        reply(ctx, 200, out);
    }

    private void setFault(RoutingContext ctx) {
        if (!ctx.request().method().name().equals("POST") && !ctx.request().method().name().equals("PUT")) {
            reply(ctx, 405, error("use POST"));
            return;
        }
        withInstance(ctx, misp -> {
            String body = ctx.body().asString();
            String spec = body == null ? "" : body.trim();
            if (spec.startsWith("{")) {
                try {
                    JsonNode n = MAPPER.readTree(spec);
                    spec = n.path("fault").asText("");
                } catch (Exception e) {
                    reply(ctx, 400, error("body is not JSON: " + e.getMessage()));
                    return;
                }
            }
            Fault fault;
            try {
                fault = Fault.parse(spec);
            } catch (IllegalArgumentException e) {
                reply(ctx, 400, error(e.getMessage()));
                return;
            }
            misp.applyFault(fault).onComplete(ar -> {
                if (ar.succeeded()) {
                    reply(ctx, 200, state(misp));
                } else {
                    reply(ctx, 500, error("could not apply fault: " + ar.cause().getMessage()));
                }
            });
        });
    }

    private void addEvents(RoutingContext ctx) {
        withInstance(ctx, misp -> {
            JsonNode body;
            try {
                body = MAPPER.readTree(ctx.body().asString() == null ? "" : ctx.body().asString());
            } catch (Exception e) {
                reply(ctx, 400, error("body is not JSON: " + e.getMessage()));
                return;
            }
            if (body == null || !(body.isObject() || body.isArray())) {
                reply(ctx, 400, error("body must be MISP event JSON"));
                return;
            }
            vertx.<Integer>executeBlocking(() -> misp.addEvents(body), false).onComplete(ar -> {
                if (ar.failed()) {
                    reply(ctx, 400, error("could not add events: " + ar.cause().getMessage()));
                    return;
                }
                ObjectNode out = state(misp);
                out.put("added", ar.result());
                reply(ctx, 201, out);
            });
        });
    }

    private void sightingPermission(RoutingContext ctx) {
        withInstance(ctx, misp -> {
            JsonNode body;
            try {
                body = MAPPER.readTree(ctx.body().asString() == null ? "" : ctx.body().asString());
            } catch (Exception e) {
                reply(ctx, 400, error("body is not JSON: " + e.getMessage()));
                return;
            }
            if (body == null || !body.path("allowed").isBoolean()) {
                reply(ctx, 400, error("give {\"allowed\": true|false} and optionally \"key\""));
                return;
            }
            boolean allowed = body.get("allowed").asBoolean();
            String key = body.path("key").asText(null);
            if (key != null && !misp.apiKeys().contains(key)) {
                reply(ctx, 404, error("not a key of this instance"));
                return;
            }
            for (String k : key == null ? misp.apiKeys() : java.util.List.of(key)) {
                misp.setSightingPermission(k, allowed);
            }
            ObjectNode out = state(misp);
            out.put("sightingAllowed", allowed);
            reply(ctx, 200, out);
        });
    }

    private void withInstance(RoutingContext ctx, java.util.function.Consumer<SimulatedMisp> action) {
        String org = ctx.pathParam("org");
        SimulatedMisp misp = cluster.instances().stream().filter(i -> i.name().equals(org)).findFirst().orElse(null);
        if (misp == null) {
            reply(ctx, 404, error("no simulated organisation named '" + org + "'"));
            return;
        }
        action.accept(misp);
    }

    private static ObjectNode state(SimulatedMisp misp) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("organisation", misp.name());
        n.put("organisationUuid", misp.organisation().uuid().toString());
        n.put("url", misp.url());
        n.put("events", misp.store().eventCount());
        n.put("attributes", misp.store().attributeCount());
        n.put("fault", misp.fault().toString());
        return n;
    }

    private static ObjectNode error(String message) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("error", message);
        return n;
    }

    private static void reply(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
