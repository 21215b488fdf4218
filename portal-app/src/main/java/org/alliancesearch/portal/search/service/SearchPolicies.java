package org.alliancesearch.portal.search.service;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.portal.common.changes.ChangeFeed;
import org.alliancesearch.portal.member.service.MemberService;
import org.alliancesearch.portal.policy.service.PolicyService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The alliance policy and each member's effective (stricter) policy, as every search needs them: read from the
 * database once per change instead of twice per search. Kept only while {@link ChangeFeed} hears every change; a
 * load that overlapped a change is used once and not kept, so no search after a committed change sees the policy
 * before it. A kept copy is also dropped after {@code alliance.search.policy-max-age} (10 s), which bounds how long a
 * listening connection that died without a word (a network cut that no packet reports) could leave a change unheard.
 */
@ApplicationScoped
public class SearchPolicies {

    /** What one search applies. */
    public record Snapshot(AlliancePolicy alliance, Map<String, AlliancePolicy> perMember) {
    }

    private final PolicyService policies;
    private final MemberService members;
    private final ChangeFeed changes;
    private final AtomicLong generation = new AtomicLong();
    private volatile Cached cached;

    private record Cached(long generation, long readAt, Snapshot snapshot) {
    }

    private final long maxAgeNanos;

    public SearchPolicies(PolicyService policies, MemberService members, ChangeFeed changes,
            @ConfigProperty(name = "alliance.search.policy-max-age", defaultValue = "10s") Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
        this.policies = policies;
        this.members = members;
        this.changes = changes;
        changes.subscribe(ChangeFeed.POLICY, this::invalidate);
        changes.subscribe(ChangeFeed.MEMBERS, this::invalidate);
    }

    /** The policies in force now. */
    public Uni<Snapshot> current() {
        Cached c = cached;
        if (c != null && c.generation() == generation.get() && changes.listening()
                && System.nanoTime() - c.readAt() < maxAgeNanos) {
            return Uni.createFrom().item(c.snapshot());
        }
        long seen = generation.get();
        long readAt = System.nanoTime();
        return Panache.withSession(() -> policies.current()
                .flatMap(alliance -> members.effectivePolicies(alliance).map(perMember -> new Snapshot(alliance,
                        Collections.unmodifiableMap(new LinkedHashMap<>(perMember))))))
                .invoke(snapshot -> {
                    // kept only if nothing changed while it was read
                    if (generation.get() == seen && changes.listening()) {
                        cached = new Cached(seen, readAt, snapshot);
                    }
                });
    }

    /** Drops what is kept; the next search reads the database. */
    public void invalidate() {
        generation.incrementAndGet();
        cached = null;
    }
}
