package org.alliancesearch.simulator.http;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.alliancesearch.simulator.Fault;
import org.alliancesearch.simulator.search.RestSearchFilter;
import org.alliancesearch.simulator.search.SearchEngine;
import org.alliancesearch.simulator.store.MispStore;
import org.alliancesearch.simulator.store.Organisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The MISP REST endpoints of one simulated server: authentication, restSearch on attributes and events, version and
 * user information, and the fault behaviour around them.
 */
public final class MispApi {
    /** MISP's exact message for a missing or wrong key. */
    public static final String AUTH_FAILED = "Authentication failed. Please make sure you pass the API key of an API"
            + " enabled user along in the Authorization header.";
    /** MISP's message for an internal error. */
    public static final String INTERNAL_ERROR = "An Internal Error Has Occurred.";
    /** The MISP version the simulator answers like. */
    public static final String MISP_VERSION = "2.5.1";
    /** The PyMISP version that MISP 2.5.1 recommends ({@code AppController::$pyMispVersion}). */
    public static final String PYMISP_RECOMMENDED_VERSION = "2.5.1";
    /**
     * Whether the simulated user's role may synchronise. It may not (a read-only API role), so getVersion hides the
     * server's uuid behind {@code "-"}, as MISP does.
     */
    static final boolean PERM_SYNC = false;
    /** Request body encodings the server decodes (MISP lists those its PHP can decompress). */
    static final String[] REQUEST_ENCODINGS = {"gzip"};

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Buffer DESCRIBE_TYPES = describeTypesFromClassPath();
    private static final int DRIP_CHUNK = 64;
    /** Answers with more records than this are streamed instead of built whole. */
    static final int STREAM_FROM_RECORDS = 2000;

    private final Vertx vertx;
    private final MispStore store;
    private final SearchEngine engine;
    private final Set<String> apiKeys;
    private final Supplier<Fault> fault;
    private final String serverUuid;
    private final String userEmail;
    private final Random random;
    private final Function<String, MispStore> peers;
    private final Map<String, SearchEngine> peerEngines = new ConcurrentHashMap<>();
    /** Keys whose role lacks {@code perm_sighting}; every other key may add sightings. */
    private final Set<String> keysWithoutSighting = ConcurrentHashMap.newKeySet();
    /** MISP's message when the role lacks the permission an action needs. */
    public static final String NO_PERMISSION = "You do not have permission to use this functionality.";

    public MispApi(Vertx vertx, MispStore store, Set<String> apiKeys, Supplier<Fault> fault, String serverUuid,
            String userEmail, long seed) {
        this(vertx, store, apiKeys, fault, serverUuid, userEmail, seed, name -> null);
    }

    /**
     * @param peers the data of the other simulated members by organisation name (null when unknown), for the
     *     {@code reuse-uuids} fault
     */
    public MispApi(Vertx vertx, MispStore store, Set<String> apiKeys, Supplier<Fault> fault, String serverUuid,
            String userEmail, long seed, Function<String, MispStore> peers) {
        this.peers = peers;
        this.vertx = vertx;
        this.store = store;
        this.engine = new SearchEngine(store);
        this.apiKeys = Set.copyOf(apiKeys);
        this.fault = fault;
        this.serverUuid = serverUuid;
        this.userEmail = userEmail;
        this.random = new Random(seed);
    }

    /** The router serving this server's endpoints. */
    public Router router() {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            // MISP decodes the raw body as JSON whatever the Content-Type says (curl -d sends a form type)
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (type != null && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                ctx.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
            }
            ctx.next();
        });
        router.route().handler(BodyHandler.create().setBodyLimit(16L * 1024 * 1024).setHandleFileUploads(false));
        router.route().handler(this::faultGate);
        router.route().handler(this::authenticate);
        router.get("/servers/getVersion").handler(this::version);
        router.get("/servers/getVersion.json").handler(this::version);
        router.get("/servers/getPyMISPVersion").handler(this::pymispVersion);
        router.get("/servers/getPyMISPVersion.json").handler(this::pymispVersion);
        router.get("/attributes/describeTypes").handler(this::describeTypes);
        router.get("/attributes/describeTypes.json").handler(this::describeTypes);
        router.route("/users/view/me").handler(this::me);
        router.route("/users/view/me.json").handler(this::me);
        router.route("/attributes/restSearch").handler(ctx -> search(ctx, false));
        router.route("/events/restSearch").handler(ctx -> search(ctx, true));
        router.route("/sightings/add").handler(ctx -> addSighting(ctx, null));
        router.route("/sightings/add/:id").handler(ctx -> addSighting(ctx, ctx.pathParam("id")));
        router.route().last().handler(ctx -> error(ctx, 404, "Not Found", "Not Found"));
        return router;
    }

    private void faultGate(RoutingContext ctx) {
        Fault f = fault.get();
        int delay = f.latencyMinMillis() + (f.latencyMaxMillis() > f.latencyMinMillis()
                ? random(f.latencyMaxMillis() - f.latencyMinMillis() + 1)
                : 0);
        Runnable next = () -> {
            if (f.hang()) {
                // Never answered: the client's own timeout is the only way out.
                return;
            }
            if (f.forbidden()) {
                error(ctx, 403, AUTH_FAILED, AUTH_FAILED);
            } else if (f.errorRate() > 0 && randomDouble() < f.errorRate()) {
                error(ctx, 500, INTERNAL_ERROR, INTERNAL_ERROR);
            } else {
                ctx.next();
            }
        };
        if (delay > 0) {
            vertx.setTimer(delay, id -> next.run());
        } else {
            next.run();
        }
    }

    private synchronized int random(int bound) {
        return random.nextInt(bound);
    }

    private synchronized double randomDouble() {
        return random.nextDouble();
    }

    private void authenticate(RoutingContext ctx) {
        String key = ctx.request().getHeader("Authorization");
        if (key == null || key.isBlank()) {
            key = ctx.request().getHeader("X-MISP-AUTH");
        }
        if (key != null && apiKeys.contains(key.trim())) {
            ctx.put("apiKey", key.trim());
            ctx.next();
        } else {
            error(ctx, 403, AUTH_FAILED, AUTH_FAILED);
        }
    }

    /** {@code ServersController::getVersion} of MISP 2.5.1, for the simulated user's role. */
    private void version(RoutingContext ctx) {
        ObjectNode v = MAPPER.createObjectNode();
        v.put("version", MISP_VERSION);
        v.put("pymisp_recommended_version", PYMISP_RECOMMENDED_VERSION);
        v.put("perm_sync", PERM_SYNC);
        v.put("perm_sighting", maySight(ctx));
        v.put("perm_galaxy_editor", false);
        v.put("perm_analyst_data", false);
        v.put("uuid", PERM_SYNC ? serverUuid : "-");
        ArrayNode encodings = v.putArray("request_encoding");
        for (String e : REQUEST_ENCODINGS) {
            encodings.add(e);
        }
        v.put("filter_sightings", true);
        json(ctx, 200, Buffer.buffer(v.toString()));
    }

    /** The older call clients make when getVersion has no {@code pymisp_recommended_version}. */
    private void pymispVersion(RoutingContext ctx) {
        json(ctx, 200, Buffer.buffer(MAPPER.createObjectNode().put("version", PYMISP_RECOMMENDED_VERSION).toString()));
    }

    /** {@code {"result": {...}}}: the shared model's copy of MISP's describeTypes.json has that shape already. */
    private void describeTypes(RoutingContext ctx) {
        json(ctx, 200, DESCRIBE_TYPES);
    }

    private void me(RoutingContext ctx) {
        Organisation org = store.owner();
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode user = root.putObject("User");
        user.put("id", "1");
        user.put("org_id", "1");
        user.put("server_id", "0");
        user.put("email", userEmail);
        user.put("autoalert", false);
        // no authkey: with advanced authkeys (MISP 2.5's default) the view leaves it out
        user.put("invited_by", "0");
        user.putNull("gpgkey");
        user.put("nids_sid", "4000000");
        user.put("termsaccepted", true);
        user.put("newsread", "0");
        user.put("role_id", "6");
        user.put("change_pw", "0");
        user.put("contactalert", false);
        user.put("disabled", false);
        user.putNull("expiration");
        user.put("current_login", "0");
        user.put("last_login", "0");
        user.put("force_logout", false);
        user.put("date_created", "1700000000");
        user.put("date_modified", "1700000000");
        ObjectNode role = root.putObject("Role");
        role.put("id", "6");
        role.put("name", "Read Only API");
        for (String perm : new String[]{"perm_add", "perm_modify", "perm_modify_org", "perm_publish",
                "perm_delegate", "perm_sync", "perm_admin", "perm_audit", "perm_full", "perm_regexp_access",
                "perm_tagger", "perm_template", "perm_sharing_group", "perm_tag_editor", "perm_publish_zmq",
                "perm_publish_kafka", "perm_decaying", "perm_galaxy_editor", "perm_warninglist",
                "perm_view_feed_correlations", "perm_site_admin"}) {
            role.put(perm, false);
        }
        role.put("perm_auth", true);
        role.put("perm_sighting", maySight(ctx));
        role.put("perm_object_template", false);
        for (String perm : new String[]{"perm_analyst_data", "perm_skip_otp", "perm_server_sign",
                "perm_sync_authoritative", "perm_sync_internal"}) {
            role.put(perm, false);
        }
        role.put("default_role", false);
        role.put("restricted_to_site_admin", false);
        role.put("enforce_rate_limit", false);
        role.put("rate_limit_count", "0");
        role.put("permission", "0");
        role.put("permission_description", "read");
        ObjectNode o = root.putObject("Organisation");
        o.put("id", "1");
        o.put("name", org.name());
        o.put("date_created", "2024-01-01 00:00:00");
        o.put("date_modified", "2024-01-01 00:00:00");
        o.put("description", "Simulated member organisation " + org.name());
        o.put("type", "CSIRT");
        o.put("nationality", "Japan");
        o.put("sector", "");
        o.put("created_by", "1");
        o.put("uuid", org.uuid().toString());
        o.put("contacts", "");
        o.put("local", true);
        o.putArray("restricted_to_domain");
        o.put("landingpage", (String) null);
        // setting name -> value; PHP encodes the empty array as a list, and PyMISP refuses a user without the key
        root.putArray("UserSetting");
        json(ctx, 200, Buffer.buffer(root.toString()));
    }

    /** Gives or takes the sighting permission of one of this server's keys. */
    public void sightingPermission(String key, boolean allowed) {
        if (!apiKeys.contains(key)) {
            throw new IllegalArgumentException("not a key of this server");
        }
        if (allowed) {
            keysWithoutSighting.remove(key);
        } else {
            keysWithoutSighting.add(key);
        }
    }

    /** Whether a key's role has {@code perm_sighting}. */
    public boolean sightingAllowed(String key) {
        return apiKeys.contains(key) && !keysWithoutSighting.contains(key);
    }

    private boolean maySight(RoutingContext ctx) {
        String key = ctx.get("apiKey");
        return key != null && sightingAllowed(key);
    }

    /**
     * {@code SightingsController::add}: the attribute by {@code uuid} or {@code id} (in the body or the path), with
     * optional {@code type} (0 sighting, 1 false positive, 2 expiration), {@code source} and {@code timestamp}. The
     * sighting is the key's organisation's; the answer is the saved sighting.
     */
    private void addSighting(RoutingContext ctx, String pathId) {
        if (!ctx.request().method().name().equals("POST")) {
            error(ctx, 405, "This method is only accessible via POST requests.",
                    "This method is only accessible via POST requests.");
            return;
        }
        if (!maySight(ctx)) {
            error(ctx, 403, NO_PERMISSION, NO_PERMISSION);
            return;
        }
        JsonNode body = jsonObjectBody(ctx, "The request body must be a JSON object.");
        if (body == null) {
            return;
        }
        if (body.has("request") && body.get("request").isObject()) {
            body = body.get("request");
        }
        if (body.has("Sighting") && body.get("Sighting").isObject()) {
            body = body.get("Sighting");
        }
        String id = pathId != null ? pathId : text(body, "uuid");
        if (id == null) {
            id = text(body, "id");
        }
        String typeText = text(body, "type");
        int type;
        try {
            type = typeText == null ? 0 : Integer.parseInt(typeText.trim());
        } catch (NumberFormatException e) {
            type = -1;
        }
        if (type < 0 || type > 2) {
            String m = "Could not add the Sighting. Reason: Invalid type. Valid options are: 0 (Sighting),"
                    + " 1 (False-positive), 2 (Expiration).";
            error(ctx, 400, m, m);
            return;
        }
        long now = Instant.now().getEpochSecond();
        long timestamp = now;
        String ts = text(body, "timestamp");
        if (ts != null) {
            try {
                timestamp = Long.parseLong(ts.trim());
            } catch (NumberFormatException e) {
                String m = "Could not add the Sighting. Reason: Invalid timestamp.";
                error(ctx, 400, m, m);
                return;
            }
        }
        int at = id == null ? -1 : attributeOf(id.trim());
        if (at < 0 || store.attributeFlag(at, MispStore.DELETED)) {
            String m = "Could not add the Sighting. Reason: No valid attributes found.";
            error(ctx, 404, m, m);
            return;
        }
        String source = text(body, "source");
        org.alliancesearch.simulator.store.Sighting s = store.addSighting(at, store.owner(), timestamp,
                source == null ? "" : source.trim(), type);
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode n = root.putObject("Sighting");
        n.put("id", Integer.toString(s.id()));
        n.put("attribute_id", Integer.toString(at + 1));
        n.put("event_id", Integer.toString(store.attributeEvent(at) + 1));
        n.put("org_id", "1");
        n.put("date_sighting", Long.toString(s.dateSighting()));
        n.put("uuid", s.uuid().toString());
        n.put("source", s.source());
        n.put("type", Integer.toString(s.type()));
        n.put("attribute_uuid", store.attributeUuid(at).toString());
        json(ctx, 200, Buffer.buffer(root.toString()));
    }

    private int attributeOf(String id) {
        if (!id.isEmpty() && id.chars().allMatch(Character::isDigit) && id.length() < 10) {
            int at = Integer.parseInt(id) - 1;
            return at >= 0 && at < store.attributeCount() ? at : -1;
        }
        try {
            return store.attributeIndexOf(java.util.UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private void search(RoutingContext ctx, boolean events) {
        HttpServerRequest req = ctx.request();
        JsonNode body;
        if (req.method().name().equals("GET")) {
            if (req.params().isEmpty()) {
                error(ctx, 400, "Either specify the search terms in the url, or POST a json or xml with the filters.",
                        "Either specify the search terms in the url, or POST a json or xml with the filters.");
                return;
            }
            ObjectNode q = MAPPER.createObjectNode();
            for (Map.Entry<String, String> p : req.params()) {
                q.put(p.getKey(), p.getValue());
            }
            body = q;
        } else if (req.method().name().equals("POST")) {
            body = jsonObjectBody(ctx, "The request body must be a JSON object of filters.");
            if (body == null) {
                return;
            }
        } else {
            error(ctx, 405, "Method Not Allowed", "Method Not Allowed");
            return;
        }
        RestSearchFilter request = RestSearchFilter.parse(body, Instant.now().getEpochSecond());
        boolean csv = request.returnFormat().equals("csv");
        if (!csv && !request.returnFormat().equals("json")) {
            error(ctx, 400, "Invalid return format.", "This simulator answers returnFormat json and csv only.");
            return;
        }
        Fault f = fault.get();
        Fault.Tricks tricks = f.tricks();
        if (tricks.redirect() != null) {
            ctx.response().setStatusCode(302).putHeader("Location", tricks.redirect()).end();
            return;
        }
        if (tricks.deepJson() > 0) {
            json(ctx, 200, deepJson(tricks.deepJson()));
            return;
        }
        if (tricks.gzipBombMb() > 0) {
            gzipBomb(ctx, tricks.gzipBombMb());
            return;
        }
        if (csv) {
            csv(ctx, request, events);
            return;
        }
        MispStore source = store;
        SearchEngine searching = engine;
        Hostility hostility = Hostility.of(f);
        if (tricks.reuseUuidsOf() != null) {
            MispStore peer = peers.apply(tricks.reuseUuidsOf());
            if (peer == null) {
                error(ctx, 500, INTERNAL_ERROR, "no simulated member named " + tricks.reuseUuidsOf());
                return;
            }
            source = peer;
            searching = peerEngines.computeIfAbsent(tricks.reuseUuidsOf(), n -> new SearchEngine(peer));
            hostility = hostility.tampered();
        }
        MispStore answerStore = source;
        SearchEngine answerEngine = searching;
        Hostility answerHostility = hostility;
        vertx.<int[]>executeBlocking(() -> page(answerStore.read(() -> events
                ? answerEngine.events(request)
                : answerEngine.attributes(request)), request), false).onComplete(found -> {
                    if (found.failed()) {
                        error(ctx, 500, INTERNAL_ERROR, INTERNAL_ERROR);
                        return;
                    }
                    int[] page = found.result();
                    boolean full = request.limit() != null && page.length == request.limit();
                    ctx.response().putHeader("X-Result-Count", Integer.toString(page.length + (full ? 1 : 0)));
                    MispJsonWriter writer = new MispJsonWriter(answerStore, request, answerHostility);
                    long minBytes = f.oversizedMegabytes() * 1024L * 1024L;
                    boolean damaged = f.malformed() || f.truncated() || f.dripMillis() > 0;
                    if (!damaged && page.length > STREAM_FROM_RECORDS) {
                        stream(ctx, writer, events, page, minBytes);
                        return;
                    }
                    vertx.<Buffer>executeBlocking(() -> events
                            ? writer.events(page, minBytes)
                            : writer.attributes(page, minBytes), false).onComplete(rendered -> {
                                if (rendered.failed()) {
                                    error(ctx, 500, INTERNAL_ERROR, INTERNAL_ERROR);
                                } else {
                                    send(ctx, f, rendered.result());
                                }
                            });
                });
    }

    /** CSV answers: built whole (the fault modes that damage bodies apply to JSON only). */
    private void csv(RoutingContext ctx, RestSearchFilter request, boolean events) {
        vertx.<Buffer>executeBlocking(() -> {
            int[] page = page(store.read(() -> events ? engine.events(request) : engine.attributes(request)),
                    request);
            MispCsvWriter writer = new MispCsvWriter(store, request);
            return events ? writer.events(page) : writer.attributes(page);
        }, false).onComplete(rendered -> {
            if (rendered.failed()) {
                error(ctx, 500, INTERNAL_ERROR, INTERNAL_ERROR);
            } else {
                ctx.response().setStatusCode(200).putHeader("Content-Type", "text/csv; charset=UTF-8")
                        .end(rendered.result());
            }
        });
    }

    private static Buffer describeTypesFromClassPath() {
        try (java.io.InputStream in = MispApi.class.getResourceAsStream("/misp/describeTypes.json")) {
            if (in == null) {
                throw new IllegalStateException("misp/describeTypes.json missing from the class path");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Large answers go out chunked while they are rendered. */
    private void stream(RoutingContext ctx, MispJsonWriter writer, boolean events, int[] page, long minBytes) {
        HttpServerResponse res = ctx.response();
        res.setChunked(true).setStatusCode(200).putHeader("Content-Type", contentType(fault.get()));
        vertx.executeBlocking(() -> {
            ResponseStream out = new ResponseStream(res);
            if (events) {
                writer.events(page, minBytes, out);
            } else {
                writer.attributes(page, minBytes, out);
            }
            return null;
        }, false).onFailure(e -> {
            if (!res.closed()) {
                ctx.request().connection().close();
            }
        });
    }

    private static int[] page(int[] all, RestSearchFilter r) {
        if (r.limit() == null) {
            return all;
        }
        long from = (long) (r.page() - 1) * r.limit();
        if (from >= all.length) {
            return new int[0];
        }
        return Arrays.copyOfRange(all, (int) from, (int) Math.min(all.length, from + r.limit()));
    }

    /** Sends a search body, damaged as the current fault asks. */
    private void send(RoutingContext ctx, Fault f, Buffer body) {
        HttpServerResponse res = ctx.response();
        res.putHeader("Content-Type", contentType(f));
        Buffer out = body;
        if (f.malformed() || f.truncated() || f.dripMillis() > 0) {
            // the damage must reach the client byte for byte, so no compression in between
            res.putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
        if (f.malformed()) {
            out = cutMidRecord(body);
        }
        if (f.truncated()) {
            res.putHeader("Content-Length", Integer.toString(out.length()));
            res.write(out.getBuffer(0, out.length() / 2));
            vertx.setTimer(50, id -> ctx.request().connection().close());
            return;
        }
        if (f.dripMillis() > 0) {
            drip(ctx, out, f.dripMillis());
            return;
        }
        res.setStatusCode(200).end(out);
    }

    private static String contentType(Fault f) {
        return f.tricks().wrongContentType() ? "text/html; charset=UTF-8" : "application/json; charset=UTF-8";
    }

    /** {@code {"response": {"Attribute": [[[...]]]}}} with {@code depth} arrays nested in the list. */
    static Buffer deepJson(int depth) {
        Buffer b = Buffer.buffer(depth * 2 + 64);
        b.appendString("{\"response\":{\"Attribute\":");
        for (int i = 0; i < depth; i++) {
            b.appendByte((byte) '[');
        }
        for (int i = 0; i < depth; i++) {
            b.appendByte((byte) ']');
        }
        b.appendString("}}");
        return b;
    }

    private static final Map<Integer, Buffer> BOMBS = new ConcurrentHashMap<>();

    /**
     * The request's JSON object (an empty one for no body), or null after answering 400 as MISP does for malformed
     * JSON or a body that is no object.
     */
    private static JsonNode jsonObjectBody(RoutingContext ctx, String notAnObject) {
        Buffer raw = ctx.body().buffer();
        JsonNode body;
        try {
            body = raw == null || raw.length() == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(raw.getBytes());
        } catch (Exception e) {
            error(ctx, 400, "Bad Request", "Malformed JSON in the request body.");
            return null;
        }
        if (body == null || !body.isObject()) {
            error(ctx, 400, "Bad Request", notAnObject);
            return null;
        }
        return body;
    }

    /**
     * A gzip-encoded answer that starts like a MISP answer and inflates to {@code megabytes} MB of whitespace (about a
     * thousandth of that on the wire). Built once per size.
     */
    static Buffer gzipBombBody(int megabytes) {
        return BOMBS.computeIfAbsent(megabytes, mb -> {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes, 64 * 1024)) {
                gz.write("{\"response\":{\"Attribute\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                byte[] spaces = new byte[1024 * 1024];
                Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < mb; i++) {
                    gz.write(spaces);
                }
                gz.write("]}}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Buffer.buffer(bytes.toByteArray());
        });
    }

    private void gzipBomb(RoutingContext ctx, int megabytes) {
        vertx.executeBlocking(() -> gzipBombBody(megabytes), false).onComplete(built -> {
            if (built.failed()) {
                error(ctx, 500, INTERNAL_ERROR, INTERNAL_ERROR);
                return;
            }
            // sent as it is: the server's own compression must not touch an encoded body
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=UTF-8")
                    .putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(built.result());
        });
    }

    /** Cuts the body inside a record: after the opening of a record past the middle, so the JSON cannot parse. */
    static Buffer cutMidRecord(Buffer body) {
        int mid = body.length() / 2;
        for (int i = Math.max(1, mid); i < body.length() - 1; i++) {
            if (body.getByte(i) == '"') {
                return body.getBuffer(0, i + 1);
            }
        }
        return body.getBuffer(0, Math.max(1, body.length() - 2));
    }

    private void drip(RoutingContext ctx, Buffer out, int pauseMillis) {
        HttpServerResponse res = ctx.response();
        res.setChunked(true);
        int[] pos = {0};
        vertx.setPeriodic(pauseMillis, id -> {
            if (res.closed() || res.ended()) {
                vertx.cancelTimer(id);
                return;
            }
            int end = Math.min(out.length(), pos[0] + DRIP_CHUNK);
            res.write(out.getBuffer(pos[0], end));
            pos[0] = end;
            if (end >= out.length()) {
                vertx.cancelTimer(id);
                res.end();
            }
        });
    }

    private static void json(RoutingContext ctx, int status, Buffer body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8").end(body);
    }

    /** MISP's error body: {@code {"name", "message", "url"}}. */
    static void error(RoutingContext ctx, int status, String name, String message) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ObjectNode e = MAPPER.createObjectNode();
        e.put("name", name);
        e.put("message", message);
        e.put("url", ctx.request().path());
        json(ctx, status, Buffer.buffer(e.toString()));
    }
}
