package org.alliancesearch.connector.connection;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.ConnectionReport;
import org.alliancesearch.connector.ConnectionTester;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.client.ErrorText;
import org.alliancesearch.connector.client.MemberCallException;
import org.alliancesearch.connector.client.MispClient;
import org.alliancesearch.connector.client.MispClientFactory;
import org.alliancesearch.connector.guard.FailureMapping;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * "Test connection": {@code GET /servers/getVersion} then {@code GET /users/view/me} (the check MISP's own community
 * tool uses), with the member's TLS settings and timeout, on a client of its own that is closed afterwards.
 */
@ApplicationScoped
public class ConnectionTesterService implements ConnectionTester {
    private static final long MAX_BYTES = 1024 * 1024;

    private final MispClientFactory clients;

    public ConnectionTesterService(MispClientFactory clients) {
        this.clients = clients;
    }

    @Override
    public Uni<ConnectionReport> test(MemberEndpoint endpoint) {
        return Uni.createFrom().deferred(() -> {
            MispClient client = clients.create(endpoint);
            long start = System.nanoTime();
            return client.getJson("/servers/getVersion", MAX_BYTES)
                    .flatMap(version -> client.getJson("/users/view/me", MAX_BYTES)
                            .map(me -> report(version, me, millisSince(start))))
                    .ifNoItem()
                    .after(client.timeout().multipliedBy(2))
                    .failWith(() -> MemberCallException.timeout(
                            MemberMessage.NO_ANSWER_WITHIN.format(client.timeout().multipliedBy(2).toMillis())))
                    .onFailure()
                    .recoverWithItem(t -> {
                        FailureMapping.Failure f = FailureMapping.of(t);
                        return new ConnectionReport(f.status(), null, null, null, List.of(), millisSince(start),
                                f.message());
                    })
                    .eventually(client::close);
        });
    }

    static ConnectionReport report(JsonNode version, JsonNode me, long latencyMs) {
        String v = text(version.get("version"));
        JsonNode role = me.path("Role");
        String org = text(me.path("Organisation").get("name"));
        if (v == null || !me.has("User")) {
            return new ConnectionReport(MemberStatus.ERROR, v, org, text(role.get("name")), List.of(), latencyMs,
                    MemberMessage.NOT_MISP.format());
        }
        return new ConnectionReport(MemberStatus.OK, v, org, text(role.get("name")), permissions(role), latencyMs,
                null, uuid(me.path("Organisation").get("uuid")));
    }

    /** A well-formed uuid in lower case, else null: a member's word is stored only in a shape that cannot surprise. */
    private static String uuid(JsonNode n) {
        String s = n == null || !n.isTextual() ? null : n.asText().strip().toLowerCase(java.util.Locale.ROOT);
        return s != null && s.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") ? s : null;
    }

    private static List<String> permissions(JsonNode role) {
        List<String> granted = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = role.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("perm_") && truthy(e.getValue())) {
                granted.add(ErrorText.clean(e.getKey(), 60));
            }
        }
        granted.sort(null);
        return granted;
    }

    private static boolean truthy(JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.intValue() != 0;
        }
        String s = v.asText().trim();
        return s.equals("1") || s.equalsIgnoreCase("true");
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isContainerNode() ? null : ErrorText.clean(n.asText(), 120);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
