package org.alliancesearch.portal.apikey.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.apikey.persistence.PortalUserRepository;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records each user as seen at sign-in or on a bearer call: user name, e-mail, organisation and roles, which their API
 * keys act with. Cheap on the hot path: each replica remembers what it last wrote for a user and writes only when
 * something changed or the last write is older than {@link #REFRESH}.
 */
@ApplicationScoped
public class PortalUsers {
    private static final Logger LOG = Logger.getLogger(PortalUsers.class);
    static final Duration REFRESH = Duration.ofMinutes(10);
    /** Past this many remembered users the memory is simply cleared (at worst one more write each). */
    private static final int MAX_REMEMBERED = 50_000;

    /** What a user looked like at sign-in. */
    public record Seen(String subject, String username, String email, String organisation, String roles) {
    }

    private record Written(Seen seen, Instant at) {
    }

    private final PortalUserRepository users;
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    public PortalUsers(PortalUserRepository users) {
        this.users = users;
    }

    /** Whether {@link #record} would write (exposed so that callers can skip work). */
    public boolean needsWrite(Seen seen, Instant now) {
        Written last = written.get(seen.subject());
        return last == null || !Objects.equals(last.seen(), seen) || last.at().plus(REFRESH).isBefore(now);
    }

    /** Stores the user if changed or due; never fails the caller's request (a failure is logged and retried later). */
    public Uni<Void> record(Seen seen) {
        Instant now = Instant.now();
        if (seen.subject() == null || seen.username() == null || !needsWrite(seen, now)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> users.upsert(seen.subject(), seen.username(), seen.email(),
                seen.organisation(), seen.roles(), ApiKeyService.now()))
                .invoke(n -> {
                    if (written.size() > MAX_REMEMBERED) {
                        written.clear();
                    }
                    written.put(seen.subject(), new Written(seen, now));
                })
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Could not record the signed-in user %s: %s", seen.subject(), e.getClass().getName());
                    return null;
                });
    }
}
