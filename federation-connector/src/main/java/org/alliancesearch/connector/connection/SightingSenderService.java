package org.alliancesearch.connector.connection;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.SightingResult;
import org.alliancesearch.connector.SightingResult.Outcome;
import org.alliancesearch.connector.SightingSender;
import org.alliancesearch.connector.client.MemberCallException;
import org.alliancesearch.connector.client.MispClient;
import org.alliancesearch.connector.client.MispClientFactory;
import org.alliancesearch.connector.guard.FailureMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * {@code POST /sightings/add} with {@code {"uuid", "type": "0", "source", "timestamp"}}, as MISP's own clients send
 * it, on a client made for the call as a connection test is (one small request, not a search). A 403 with MISP's authentication message is a refused key (failed); any other 403 or 405 is the member refusing
 * the sighting (its key lacks {@code perm_sighting}); other statuses fail with the member's cleaned message.
 */
@ApplicationScoped
public class SightingSenderService implements SightingSender {
    /** A sighting answer is one small object. */
    static final long MAX_BYTES = 64 * 1024;

    private final MispClientFactory clients;

    public SightingSenderService(MispClientFactory clients) {
        this.clients = clients;
    }

    @Override
    public Uni<SightingResult> send(MemberEndpoint member, String attributeUuid, String source) {
        return Uni.createFrom().deferred(() -> {
            String uuid;
            try {
                uuid = UUID.fromString(attributeUuid.strip()).toString().toLowerCase(Locale.ROOT);
            } catch (RuntimeException e) {
                return Uni.createFrom().item(new SightingResult(member.id(), Outcome.FAILED, "not an attribute uuid"));
            }
            MispClient client = clients.create(member);
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("uuid", uuid);
            body.put("type", "0");
            if (source != null && !source.isBlank()) {
                body.put("source", source.strip());
            }
            body.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
            return client.postJson("/sightings/add", body, MAX_BYTES)
                    .map(answer -> result(member.id(), answer))
                    .ifNoItem()
                    .after(client.timeout())
                    .failWith(() -> MemberCallException.timeout(
                            MemberMessage.NO_ANSWER_WITHIN.format(client.timeout().toMillis())))
                    .onFailure()
                    .recoverWithItem(t -> new SightingResult(member.id(), Outcome.FAILED,
                            FailureMapping.of(t).message()))
                    .eventually(client::close);
        });
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
            return new SightingResult(memberId, Outcome.FAILED, "API key refused");
        }
        return new SightingResult(memberId, Outcome.FAILED, "HTTP " + status + (text == null ? "" : ": " + text));
    }
}
