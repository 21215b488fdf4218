package org.alliancesearch.portal.apikey.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.apikey.persistence.ApiKeyRepository;
import org.alliancesearch.portal.apikey.persistence.PersonalKey;
import org.alliancesearch.portal.apikey.persistence.PortalUser;
import org.alliancesearch.portal.apikey.persistence.PortalUserRepository;
import org.alliancesearch.portal.apikey.service.KeyRefusedException.Reason;
import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.common.security.Roles;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Checks a presented personal API key and tells who it acts as. The database is read on every use (no cache of valid
 * keys), so a revoked key is refused at once on every replica. Uses are noted sparingly: {@code last_used_at} at most
 * once a minute, an audit row at most once per key per ten minutes (per replica).
 */
@ApplicationScoped
public class KeyAuthenticator {
    private static final Logger LOG = Logger.getLogger(KeyAuthenticator.class);
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final Duration AUDIT_EVERY = Duration.ofMinutes(10);
    private static final int MAX_REMEMBERED = 50_000;

    private final ApiKeyRepository keys;
    private final PortalUserRepository users;
    private final OwnerCheck owners;
    private final ChangeLog audit;
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();
    private final Map<String, Instant> audited = new ConcurrentHashMap<>();

    public KeyAuthenticator(ApiKeyRepository keys, PortalUserRepository users, OwnerCheck owners, ChangeLog audit) {
        this.keys = keys;
        this.users = users;
        this.owners = owners;
        this.audit = audit;
    }

    private record Found(PersonalKey key, PortalUser owner) {
    }

    /** The key's owner, or a {@link KeyRefusedException}. The key itself is never logged. */
    public Uni<KeyOwner> authenticate(String presented) {
        if (!ApiKeys.wellFormed(presented)) {
            return refuse("malformed key");
        }
        String hash = ApiKeys.hash(presented);
        return Panache.withSession(() -> keys.byHash(hash).flatMap(key -> key == null
                ? Uni.createFrom().item(new Found(null, null))
                : users.findById(key.ownerSub).map(owner -> new Found(key, owner))))
                .flatMap(found -> {
                    PersonalKey key = found.key();
                    // the lookup is by hash; this compare only guards against a lookup that matched loosely
                    if (key == null || !ApiKeys.sameHash(key.keyHash, hash)) {
                        return refuse("unknown key");
                    }
                    if (key.revokedAt != null) {
                        return refuse("revoked key " + key.id);
                    }
                    if (!key.expiresAt.toInstant().isAfter(Instant.now())) {
                        return refuse("expired key " + key.id);
                    }
                    PortalUser owner = found.owner();
                    if (owner == null || owner.organisation == null || owner.organisation.isBlank()) {
                        return refuse("key " + key.id + ": owner without a recorded organisation");
                    }
                    Set<String> recorded = roles(owner.roles);
                    if (!recorded.contains(Roles.MEMBER) && !recorded.contains(Roles.ADMIN)) {
                        return refuse("key " + key.id + ": owner was no member at their last sign-in");
                    }
                    return owners.check(owner.subject).flatMap(verdict -> switch (verdict.outcome()) {
                        case REFUSED -> refuse("key " + key.id + ": owner disabled or no longer a member");
                        case UNCONFIRMED -> {
                            LOG.infof("API key %s refused: its owner cannot be confirmed now", key.id);
                            yield Uni.createFrom().<KeyOwner>failure(new KeyRefusedException(
                                    Reason.OWNER_UNCONFIRMED, "owner cannot be confirmed"));
                        }
                        case ALLOWED -> {
                            Set<String> effective = new LinkedHashSet<>(recorded);
                            // Keycloak's word narrows what was recorded: an admin demoted since sign-in is no admin
                            if (verdict.roles() != null) {
                                effective.retainAll(verdict.roles());
                            }
                            if (effective.contains(Roles.ADMIN)) {
                                effective.add(Roles.MEMBER);
                            }
                            KeyOwner who = new KeyOwner(key.id.toString(), owner.subject, owner.username,
                                    owner.email, owner.organisation, Set.copyOf(effective));
                            yield noteUse(key, who).replaceWith(who);
                        }
                    });
                });
    }

    private static Set<String> roles(String csv) {
        Set<String> roles = new LinkedHashSet<>();
        if (csv != null) {
            Arrays.stream(csv.split(",")).map(String::strip).filter(r -> !r.isEmpty()).forEach(roles::add);
        }
        return roles;
    }

    private static <T> Uni<T> refuse(String why) {
        LOG.debugf("API key refused: %s", why);
        return Uni.createFrom().failure(new KeyRefusedException(Reason.INVALID, why));
    }

    /** Updates {@code last_used_at} and audits the use, each only when due; a failure here never refuses the key. */
    private Uni<Void> noteUse(PersonalKey key, KeyOwner who) {
        Instant now = Instant.now();
        String id = key.id.toString();
        boolean touch = due(touched, id, TOUCH_EVERY, now);
        boolean write = due(audited, id, AUDIT_EVERY, now);
        if (!touch && !write) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime at = ApiKeyService.now();
        return Panache.withTransaction(() -> {
            Uni<Void> step = Uni.createFrom().voidItem();
            if (touch) {
                step = step.flatMap(v -> keys.touch(key.id, at, at.minus(TOUCH_EVERY)).replaceWithVoid());
            }
            if (write) {
                step = step.flatMap(v -> audit.recordAs(who.username(), who.organisation(), "api-key.use",
                        "api-key", id, null, Map.of("name", key.name, "last4", key.last4)));
            }
            return step;
        }).onFailure().recoverWithItem(e -> {
            LOG.warnf("Could not note the use of API key %s: %s", id, e.getClass().getName());
            return null;
        });
    }

    private static boolean due(Map<String, Instant> last, String id, Duration every, Instant now) {
        if (last.size() > MAX_REMEMBERED) {
            last.clear();
        }
        boolean[] due = {false};
        last.compute(id, (k, previous) -> {
            if (previous == null || !previous.plus(every).isAfter(now)) {
                due[0] = true;
                return now;
            }
            return previous;
        });
        return due[0];
    }
}
