package org.alliancesearch.simulator.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A MISP client that talks like the reference Python client (PyMISP 2.5): the same headers on every call, the same
 * connection sequence and checks as {@code PyMISP.__init__}, the same search body defaults, the same reading of
 * answers ({@code _check_response}). For tests of anything that claims to answer like MISP: the simulator, and the
 * portal's MISP-compatible API.
 *
 * <p>
 * Connecting ({@link #connect(String, String)}) makes, in this order:
 * <ol>
 * <li>{@code GET servers/getVersion}; when it has no {@code pymisp_recommended_version}, also
 * {@code GET servers/getPyMISPVersion.json}. An error there is only a warning; a version that is not dot-separated
 * numbers fails the connection.</li>
 * <li>{@code GET users/view/me}: a 4xx fails with "Unable to get the user settings: (status, body)"; an answer without
 * {@code Role} or {@code UserSetting} (or whose {@code UserSetting} is neither empty nor an object) fails with "Unable
 * to connect to MISP (url) …".</li>
 * <li>{@code GET attributes/describeTypes.json}, {@code result} taken; on any failure the client's own copy (the
 * shared model's {@code misp/describeTypes.json}) is used instead.</li>
 * </ol>
 * Searches raise {@link PymispException} where PyMISP returns {@code {"errors": (status, body)}} (4xx) or raises
 * (5xx, unexpected answers), so a test cannot overlook a refusal. Not thread-safe for {@link #calls()}; one client per
 * test.
 */
public final class PymispLikeClient {
    /** The PyMISP version this client presents itself as (and compares with the server's recommendation). */
    public static final String DEFAULT_PYMISP_VERSION = "2.5.1";
    /** The Python version in the User-Agent. */
    public static final String DEFAULT_PYTHON_VERSION = "3.12";
    /** PyMISP's search sends these flags as 0 unless told otherwise ({@code _make_misp_bool(None)}). */
    static final List<String> ZERO_FLAGS = List.of("withAttachments", "metadata", "enforceWarninglist",
            "includeEventUuid", "includeEventTags", "sgReferenceOnly", "includeContext", "headerless",
            "includeSightings", "includeDecayScore", "includeCorrelations", "excludeDecayed");

    /** Like Python's json.loads: content after the first value is an error, not ignored. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String rootUrl;
    private final String key;
    private final String authHeader;
    private final String userAgent;
    private final String version;
    private final HttpClient http;
    private final Duration timeout;
    private final java.util.function.Consumer<String> onCall;
    private final List<String> calls = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    /** The cached answer of getVersion: JSON or {@link Errors}. */
    private Object instanceVersion;
    private JsonNode user;
    private JsonNode role;
    private Map<String, JsonNode> userSettings;
    private JsonNode describeTypes;
    private boolean describeTypesFromServer;

    private PymispLikeClient(Builder b) {
        if (b.url == null || b.url.isBlank()) {
            throw new PymispException(PymispException.Kind.PYMISP_ERROR,
                    "Please provide the URL of your MISP instance.", 0, null, null);
        }
        if (b.key == null || b.key.isBlank()) {
            throw new PymispException(PymispException.Kind.PYMISP_ERROR, "Please provide your authorization key.", 0,
                    null, null);
        }
        this.rootUrl = b.url;
        this.key = b.key.strip();
        this.authHeader = b.authHeader;
        this.version = b.version;
        this.userAgent = "PyMISP " + b.version + " - Python " + b.pythonVersion
                + (b.tool == null || b.tool.isEmpty() ? "" : " - " + b.tool);
        this.timeout = b.timeout;
        this.onCall = b.onCall;
        this.http = b.http != null
                ? b.http
                : HttpClient.newBuilder().connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
    }

    /** Connects as {@code PyMISP(url, key)} does; throws {@link PymispException} where PyMISP raises. */
    public static PymispLikeClient connect(String url, String key) {
        return builder(url, key).connect();
    }

    public static Builder builder(String url, String key) {
        return new Builder(url, key);
    }

    /** Options of the constructor of PyMISP that matter over the wire. */
    public static final class Builder {
        private final String url;
        private final String key;
        private String authHeader = "Authorization";
        private String version = DEFAULT_PYMISP_VERSION;
        private String pythonVersion = DEFAULT_PYTHON_VERSION;
        private String tool = "";
        private Duration timeout = Duration.ofSeconds(30);
        private HttpClient http;
        private java.util.function.Consumer<String> onCall = c -> {
        };

        private Builder(String url, String key) {
            this.url = url;
            this.key = key;
        }

        /** {@code http_auth_header_name}: {@code Authorization} (default) or {@code X-MISP-AUTH}. */
        public Builder authHeader(String name) {
            if (!name.equals("Authorization") && !name.equals("X-MISP-AUTH")) {
                throw new PymispException(PymispException.Kind.PYMISP_ERROR,
                        "http_auth_header_name should be either \"Authorization\" or \"X-MISP-AUTH\"", 0, null, null);
            }
            this.authHeader = name;
            return this;
        }

        /** The PyMISP version to present ({@code __version__}). */
        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public Builder pythonVersion(String v) {
            this.pythonVersion = v;
            return this;
        }

        /** {@code tool}: appended to the User-Agent. */
        public Builder tool(String t) {
            this.tool = t;
            return this;
        }

        public Builder timeout(Duration t) {
            this.timeout = t;
            return this;
        }

        /** An HTTP client of the caller's (TLS trust, proxy); it should follow redirects as python-requests does. */
        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        /** Told of every call as it is made ({@code "GET /servers/getVersion"}), even when connecting fails. */
        public Builder onCall(java.util.function.Consumer<String> listener) {
            this.onCall = listener;
            return this;
        }

        public PymispLikeClient connect() {
            PymispLikeClient c = new PymispLikeClient(this);
            c.initialise();
            return c;
        }
    }

    // --- PyMISP.__init__ ---

    private void initialise() {
        try {
            Object recommended = recommendedPymispVersion();
            if (recommended instanceof Errors e) {
                log.add("WARNING " + e.status());
            } else {
                JsonNode r = (JsonNode) recommended;
                int[] mine = versionTuple(version, 3);
                int[] theirs = versionTuple(key(r, "version").asText(), 3);
                int cmp = compare(theirs, mine);
                if (cmp < 0) {
                    log.add("INFO The version of PyMISP recommended by the MISP instance (" + r.get("version").asText()
                            + ") is older than the one you're using now (" + version + ").");
                } else if (cmp > 0) {
                    log.add("WARNING The version of PyMISP recommended by the MISP instance ("
                            + r.get("version").asText() + ") is newer than the one you're using now (" + version
                            + "). Please upgrade PyMISP.");
                }
            }
            Object v = mispInstanceVersion();
            if (v instanceof JsonNode n && n.isObject() && n.has("version")) {
                versionTuple(n.get("version").asText(), Integer.MAX_VALUE);
            }
            Object me = checkJsonResponse(request("GET", "users/view/me", null));
            if (me instanceof Errors e) {
                throw new PymispException(PymispException.Kind.PYMISP_ERROR,
                        "Unable to get the user settings: " + e, e.status(), e.body(), null);
            }
            JsonNode userJ = (JsonNode) me;
            if (!userJ.isObject()) {
                throw new IllegalArgumentException("from_dict() argument after ** must be a mapping, not list");
            }
            JsonNode r = key(userJ, "Role");
            if (!r.isObject()) {
                throw new IllegalArgumentException("from_dict() argument after ** must be a mapping");
            }
            JsonNode settings = key(userJ, "UserSetting");
            Map<String, JsonNode> us = new LinkedHashMap<>();
            if (truthy(settings)) {
                if (!settings.isObject()) {
                    throw new IllegalArgumentException(
                            "'" + pythonType(settings) + "' object has no attribute 'items'");
                }
                settings.fields().forEachRemaining(f -> us.put(f.getKey(), f.getValue()));
            }
            user = userJ.has("User") && userJ.get("User").isObject() ? userJ.get("User") : userJ;
            role = r;
            userSettings = Collections.unmodifiableMap(us);
        } catch (PymispException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PymispException(PymispException.Kind.PYMISP_ERROR, "Unable to connect to MISP (" + rootUrl
                    + "). Please make sure the API key and the URL are correct (http/https is required): "
                    + e.getMessage(), 0, null, e);
        }
        try {
            Object remote = checkJsonResponse(request("GET", "attributes/describeTypes.json", null));
            if (!(remote instanceof JsonNode n) || !n.isObject() || !n.has("result")) {
                throw new IllegalStateException("'result'");
            }
            describeTypes = n.get("result");
            describeTypesFromServer = true;
        } catch (RuntimeException e) {
            describeTypes = localDescribeTypes();
            describeTypesFromServer = false;
        }
        for (String k : List.of("categories", "types", "category_type_mappings", "sane_defaults")) {
            if (!describeTypes.has(k)) {
                throw new PymispException(PymispException.Kind.PYMISP_ERROR, "KeyError: '" + k + "'", 0, null, null);
            }
        }
    }

    /** {@code recommended_pymisp_version}: from getVersion, else the older getPyMISPVersion.json. */
    private Object recommendedPymispVersion() {
        Object v = mispInstanceVersion();
        if (v instanceof JsonNode n && n.isObject() && n.has("pymisp_recommended_version")) {
            return MAPPER.createObjectNode().set("version", n.get("pymisp_recommended_version"));
        }
        return checkJsonResponse(request("GET", "servers/getPyMISPVersion.json", null));
    }

    /** {@code misp_instance_version}: a cached property, so one call only. */
    private Object mispInstanceVersion() {
        if (instanceVersion == null) {
            instanceVersion = checkJsonResponse(request("GET", "servers/getVersion", null));
        }
        return instanceVersion;
    }

    // --- what the client learnt while connecting ---

    /** The answer of {@code servers/getVersion} (null when it was refused). */
    public JsonNode instanceVersion() {
        return instanceVersion instanceof JsonNode n ? n : null;
    }

    /** {@code User} of {@code users/view/me}. */
    public JsonNode user() {
        return user;
    }

    /** {@code Role} of {@code users/view/me}. */
    public JsonNode role() {
        return role;
    }

    /** {@code UserSetting} of {@code users/view/me}, setting name to value. */
    public Map<String, JsonNode> userSettings() {
        return userSettings;
    }

    /** The describeTypes in use: the server's, or the client's own copy when the server's could not be read. */
    public JsonNode describeTypes() {
        return describeTypes;
    }

    public boolean describeTypesFromServer() {
        return describeTypesFromServer;
    }

    /** Every call made so far, as {@code "GET /servers/getVersion"}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** What PyMISP would have logged at INFO or WARNING while connecting ({@code "WARNING …"}). */
    public List<String> log() {
        return List.copyOf(log);
    }

    public String userAgent() {
        return userAgent;
    }

    // --- searches ---

    /**
     * {@code misp.search(controller='attributes', ...)} with the filters given by their wire names: the answer's
     * {@code response} ({@code {"Attribute": [...]}}).
     */
    public JsonNode searchAttributes(Map<String, ?> filters) {
        return searchJson("attributes", filters);
    }

    /** {@code misp.search(controller='events', ...)}: the answer's {@code response} ({@code [{"Event": …}, …]}). */
    public JsonNode searchEvents(Map<String, ?> filters) {
        return searchJson("events", filters);
    }

    /** {@code misp.search(controller='attributes', return_format='csv', ...)}: the CSV text. */
    public String searchCsv(Map<String, ?> filters) {
        return searchCsv("attributes", filters);
    }

    /** {@code misp.search(controller=..., return_format='csv', ...)}: the CSV text. */
    public String searchCsv(String controller, Map<String, ?> filters) {
        Object r = checkResponse(request("POST", controller + "/restSearch", body(filters, "csv")), false);
        if (r instanceof Errors e) {
            throw e.toException();
        }
        return r instanceof String s ? s : r.toString();
    }

    private JsonNode searchJson(String controller, Map<String, ?> filters) {
        Object r = checkJsonResponse(request("POST", controller + "/restSearch", body(filters, "json")));
        if (r instanceof Errors e) {
            throw e.toException();
        }
        return (JsonNode) r;
    }

    /** The body {@code search()} posts: the caller's filters, its return format, PyMISP's zero flags, no nulls. */
    static Map<String, Object> body(Map<String, ?> filters, String returnFormat) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("returnFormat", returnFormat);
        for (String flag : ZERO_FLAGS) {
            q.put(flag, 0);
        }
        filters.forEach((k, v) -> {
            if (!k.equals("returnFormat")) {
                q.put(k, v);
            }
        });
        q.values().removeIf(java.util.Objects::isNull);
        return q;
    }

    // --- transport: _prepare_request and _check_response ---

    record Reply(int status, byte[] body, String contentType) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** PyMISP's {@code {"errors": (status, body)}}. */
    record Errors(int status, JsonNode body) {
        PymispException toException() {
            return new PymispException(PymispException.Kind.PYMISP_ERROR,
                    "Something went wrong (" + status + "): " + body, status, body, null);
        }

        @Override
        public String toString() {
            return "(" + status + ", " + body + ")";
        }
    }

    private Reply request(String method, String path, Object data) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        URI uri = join(rootUrl, p.replace(' ', '+'));
        calls.add(method + " " + uri.getRawPath());
        onCall.accept(method + " " + uri.getRawPath());
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout).header(authHeader, key)
                .header("User-Agent", userAgent).header("Accept-Encoding", "gzip, deflate")
                .header("Accept", "application/json").header("content-type", "application/json");
        try {
            if (data == null) {
                rb.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                rb.method(method, HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(data)));
            }
            HttpResponse<byte[]> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(),
                    decode(r.body(), r.headers().firstValue("Content-Encoding").orElse("")),
                    r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code urljoin(root_url, path)}: a root without a path gets one, a root path not ending in / loses its last part. */
    static URI join(String root, String path) {
        URI base = URI.create(root);
        if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
            base = URI.create(root + "/");
        }
        return base.resolve(path);
    }

    private static byte[] decode(byte[] body, String encoding) throws IOException {
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        if (body.length == 0 || e.isEmpty() || e.equals("identity")) {
            return body;
        }
        if (e.equals("gzip")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            }
        }
        if (e.equals("deflate")) {
            // zlib-wrapped as the RFC says, or raw deflate as some servers send it
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            } catch (IOException wrapped) {
                try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true))) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IOException("Received response with content-encoding: " + encoding + ", but failed to decode it.");
    }

    /** {@code _check_json_response}: a JSON object or list, or {@link Errors}. */
    private Object checkJsonResponse(Reply r) {
        Object out = checkResponse(r, true);
        if (out instanceof Errors || out instanceof JsonNode n && n.isContainerNode()) {
            return out;
        }
        throw new PymispException(PymispException.Kind.UNEXPECTED_RESPONSE,
                "A dict was expected, got a string: " + out, r.status(), null, null);
    }

    /** {@code _check_response}: JSON (its {@code response} unwrapped), text, or {@link Errors} for a 4xx. */
    private Object checkResponse(Reply r, boolean expectJson) {
        if (r.status() >= 500) {
            throw new PymispException(PymispException.Kind.MISP_SERVER_ERROR, "Error code 500:\n" + r.text(),
                    r.status(), parseOrNull(r.body()), null);
        }
        if (r.status() >= 400) {
            JsonNode error = parseOrNull(r.body());
            if (error == null) {
                throw new PymispException(PymispException.Kind.MISP_SERVER_ERROR,
                        "Error code " + r.status() + ":\n" + r.text(), r.status(), null, null);
            }
            log.add("ERROR Something went wrong (" + r.status() + "): " + error);
            return new Errors(r.status(), error);
        }
        JsonNode json = parseOrNull(r.body());
        if (json != null) {
            if (json.isObject() && json.has("response") && !json.get("response").isNull()) {
                return json.get("response");
            }
            return json;
        }
        if (expectJson) {
            throw new PymispException(PymispException.Kind.UNEXPECTED_RESPONSE,
                    "Unexpected response (size: " + r.text().length() + ") from server: " + r.text(), r.status(),
                    null, null);
        }
        if (r.body().length == 0) {
            return new Errors(r.status(), MAPPER.getNodeFactory().textNode("The response is empty."));
        }
        return r.text();
    }

    private static JsonNode parseOrNull(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode key(JsonNode n, String k) {
        if (n == null || !n.isObject() || !n.has(k)) {
            throw new IllegalArgumentException("'" + k + "'");
        }
        return n.get(k);
    }

    /** {@code tuple(int(x) for x in v.split('.')[:n])}. */
    private static int[] versionTuple(String v, int n) {
        String[] parts = v.split("\\.", -1);
        int[] out = new int[Math.min(n, parts.length)];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid literal for int() with base 10: '" + parts[i] + "'");
            }
        }
        return out;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** Python's truth of a JSON value. */
    private static boolean truthy(JsonNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isContainerNode()) {
            return n.size() > 0;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.doubleValue() != 0;
        }
        return !n.asText().isEmpty();
    }

    private static String pythonType(JsonNode n) {
        return n.isArray() ? "list" : n.isTextual() ? "str" : n.isNumber() ? "int" : n.isBoolean() ? "bool" : "dict";
    }

    private static JsonNode localDescribeTypes() {
        try (InputStream in = PymispLikeClient.class.getResourceAsStream("/misp/describeTypes.json")) {
            if (in == null) {
                throw new IllegalStateException("misp/describeTypes.json missing from the class path");
            }
            return MAPPER.readTree(in).get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
