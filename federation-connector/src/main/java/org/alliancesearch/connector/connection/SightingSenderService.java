package org.alliancesearch.connector.connection;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.SightingResult;
import org.alliancesearch.connector.SightingResult.Outcome;
import org.alliancesearch.connector.SightingSender;
import org.alliancesearch.connector.client.MemberCallException;
import org.alliancesearch.connector.client.MispClient;
import org.alliancesearch.connector.guard.FailureMapping;
import org.alliancesearch.connector.registry.MemberInstance;
import org.alliancesearch.connector.registry.MemberRegistryService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * {@code POST /sightings/add} with {@code {"uuid", "type": "0", "source", "timestamp"}}, as MISP's own clients send
 * it, through the member's own guard, the one its searches use: its per-call timeout, bulkhead and circuit breaker (a
 * hung or failing member opens its circuit for searches and sightings alike). Never retried: MISP records a sighting
 * sent twice as two. The answer is read up to {@value #MAX_BYTES} bytes.
 * <p>
 * A 403 with MISP's authentication message is a refused key (failed); any other 403 or 405 is the member refusing the
 * sighting (its key lacks {@code perm_sighting}); 5xx and 429 fail and count against the member's availability; other
 * statuses fail with the member's cleaned message.
 */
@ApplicationScoped
public class SightingSenderService implements SightingSender {
    /** A sighting answer is one small object. */
    static final long MAX_BYTES = 64 * 1024;
    /** The reason given for a member the connector does not know (removed since the caller looked). */
    static final String NOT_REGISTERED = "member not registered";

    private final MemberRegistryService registry;

    public SightingSenderService(MemberRegistryService registry) {
        this.registry = registry;
    }

    @Override
    public Uni<SightingResult> send(String memberId, String attributeUuid, String source) {
        return Uni.createFrom().deferred(() -> {
            String uuid;
            try {
                uuid = UUID.fromString(attributeUuid.strip()).toString().toLowerCase(Locale.ROOT);
            } catch (RuntimeException e) {
                return Uni.createFrom().item(new SightingResult(memberId, Outcome.FAILED, "not an attribute uuid"));
            }
            Optional<MemberInstance> found = registry.instance(memberId);
            if (found.isEmpty()) {
                return Uni.createFrom().item(new SightingResult(memberId, Outcome.FAILED, NOT_REGISTERED));
            }
            MemberInstance member = found.get();
            if (!member.endpoint().enabled()) {
                return Uni.createFrom()
                        .item(new SightingResult(memberId, Outcome.FAILED, MemberMessage.DISABLED.format()));
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("uuid", uuid);
            body.put("type", "0");
            if (source != null && !source.isBlank()) {
                body.put("source", source.strip());
            }
            body.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
            return member.guard()
                    .call(() -> member.client().postJson("/sightings/add", body, MAX_BYTES)
                            .onFailure(MemberCallException.class)
                            .transform(t -> ((MemberCallException) t).notRetried())
                            .flatMap(SightingSenderService::availability))
                    .map(answer -> result(memberId, answer))
                    .onFailure()
                    .recoverWithItem(t -> new SightingResult(memberId, Outcome.FAILED,
                            FailureMapping.of(t).message()));
        });
    }

    /** A server error or 429 fails the guarded call, so that the member's circuit breaker counts it. */
    private static Uni<MispClient.JsonAnswer> availability(MispClient.JsonAnswer answer) {
        int status = answer.status();
        if (status == 429) {
            return Uni.createFrom().failure(MemberCallException.transientHttp(status, answer.errorText(), -1, false));
        }
        if (status >= 500) {
            return Uni.createFrom().failure(MemberCallException.http(status, answer.errorText()));
        }
        return Uni.createFrom().item(answer);
    }

    static SightingResult result(String memberId, MispClient.JsonAnswer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            JsonNode body = answer.body();
            boolean saved = body != null && (body.path("Sighting").isObject()
                    || body.path("message").asText("").toLowerCase(Locale.ROOT).contains("sighting added"));
            return saved
                    ? new SightingResult(memberId, Outcome.OK, null)
                    : new SightingResult(memberId, Outcome.FAILED, answer.errorText() != null
                            ? answer.errorText()
                            : "the member did not confirm the sighting");
        }
        String text = answer.errorText();
        boolean authentication = text != null && text.toLowerCase(Locale.ROOT).startsWith("authentication failed");
        if ((status == 403 || status == 405) && !authentication) {
            return new SightingResult(memberId, Outcome.REFUSED, text);
        }
        if (status == 401 || status == 403) {
            return new SightingResult(memberId, Outcome.FAILED, MemberMessage.API_KEY_REFUSED.format());
        }
        return new SightingResult(memberId, Outcome.FAILED, "HTTP " + status + (text == null ? "" : ": " + text));
    }
}
