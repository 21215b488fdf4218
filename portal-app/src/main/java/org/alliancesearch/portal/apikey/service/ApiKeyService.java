package org.alliancesearch.portal.apikey.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.apikey.persistence.ApiKeyRepository;
import org.alliancesearch.portal.apikey.persistence.PersonalKey;
import org.alliancesearch.portal.apikey.persistence.PortalUser;
import org.alliancesearch.portal.apikey.persistence.PortalUserRepository;
import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.Reason;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Personal API keys: made (the key shown once, its SHA-256 stored), listed without the key, revoked by their owner or
 * an admin. A key of another user does not exist for its non-admin callers (404).
 */
@ApplicationScoped
public class ApiKeyService {
    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    static final int MAX_NAME = 100;
    static final int DEFAULT_DAYS = 90;
    /** The hard ceiling of a key's life, whatever the configuration says. */
    static final int CEILING_DAYS = 365;

    private final ApiKeyRepository keys;
    private final PortalUserRepository users;
    private final ChangeLog audit;
    private final ApiKeysConfig config;

    public ApiKeyService(ApiKeyRepository keys, PortalUserRepository users, ChangeLog audit, ApiKeysConfig config) {
        this.keys = keys;
        this.users = users;
        this.audit = audit;
        this.config = config;
    }

    /** The longest life a new key may have, in days. */
    public int maxDays() {
        return Math.max(1, Math.min(CEILING_DAYS, config.maxExpiryDays()));
    }

    /** Makes a key for the caller (by subject); the only answer that holds the key. */
    public Uni<CreatedApiKey> create(String ownerSub, ApiKeyInput input) {
        return Uni.createFrom().item(() -> validate(input)).flatMap(valid -> {
            OffsetDateTime now = now();
            String key = ApiKeys.generate();
            PersonalKey row = new PersonalKey();
            row.id = UUID.randomUUID();
            row.ownerSub = ownerSub;
            row.name = valid.name();
            row.keyHash = ApiKeys.hash(key);
            row.last4 = ApiKeys.last4(key);
            row.createdAt = now;
            row.expiresAt = now.plusDays(valid.expiresInDays());
            return Panache.withTransaction(() -> keys.countActive(ownerSub, now).flatMap(active -> {
                if (active >= config.maxKeysPerUser()) {
                    return Uni.createFrom().failure(CodedProblem.conflict(
                            Reason.of("api-key.too-many", config.maxKeysPerUser()),
                            List.of(new FieldProblem("name", "api-key.too-many",
                                    Reason.of("api-key.too-many", config.maxKeysPerUser())))));
                }
                return keys.persist(row)
                        .call(saved -> audit.record("api-key.create", "api-key", saved.id.toString(), null,
                                view(saved)));
            })).map(saved -> {
                LOG.infof("API key %s (...%s) created", saved.id, saved.last4);
                return new CreatedApiKey(saved.id.toString(), saved.name, key, saved.createdAt, saved.expiresAt);
            });
        });
    }

    public Uni<List<ApiKeyView>> list(String ownerSub) {
        return Panache.withSession(() -> keys.ofOwner(ownerSub)).map(rows -> rows.stream().map(ApiKeyService::view)
                .toList());
    }

    /** The owner revokes one of their keys; someone else's (or an unknown or revoked one) is 404. */
    public Uni<Void> revoke(String ownerSub, String actor, String id) {
        return revoke(id, actor, row -> row.ownerSub.equals(ownerSub));
    }

    /** An admin revokes any key. */
    public Uni<Void> revokeAny(String actor, String id) {
        return revoke(id, actor, row -> true);
    }

    private Uni<Void> revoke(String id, String actor, java.util.function.Predicate<PersonalKey> allowed) {
        return Uni.createFrom().item(() -> parse(id)).flatMap(uuid -> revoke(uuid, actor, allowed));
    }

    private Uni<Void> revoke(UUID uuid, String actor, java.util.function.Predicate<PersonalKey> allowed) {
        return Panache.withTransaction(() -> keys.findById(uuid).flatMap(row -> {
            if (row == null || row.revokedAt != null || !allowed.test(row)) {
                return Uni.createFrom().failure(CodedProblem.notFound(Reason.of("api-key.not-found")));
            }
            ApiKeyView before = view(row);
            row.revokedAt = now();
            row.revokedBy = actor;
            return audit.record("api-key.revoke", "api-key", row.id.toString(), before, null)
                    .invoke(() -> LOG.infof("API key %s (...%s) revoked", row.id, row.last4));
        }));
    }

    /** Every live key with its owner as last seen. */
    public Uni<List<AdminApiKeyView>> listAll() {
        return Panache.withSession(() -> keys.allLive().flatMap(rows -> users
                .bySubjects(rows.stream().map(r -> r.ownerSub).collect(Collectors.toSet()))
                .map(owners -> {
                    Map<String, PortalUser> bySub = owners.stream()
                            .collect(Collectors.toMap(u -> u.subject, Function.identity()));
                    List<AdminApiKeyView> views = new ArrayList<>();
                    for (PersonalKey r : rows) {
                        PortalUser owner = bySub.get(r.ownerSub);
                        views.add(new AdminApiKeyView(r.id.toString(), r.name, r.last4, r.createdAt, r.expiresAt,
                                r.lastUsedAt, owner == null ? null : owner.username,
                                owner == null ? null : owner.organisation, r.ownerSub));
                    }
                    return views;
                })));
    }

    /** The key caller as MISP's {@code /users/view/me} shows it (see {@link MispUserView}). */
    public Uni<Map<String, Object>> mispUser(KeyOwner owner) {
        UUID keyId = UUID.fromString(owner.keyId());
        return Panache.withSession(() -> users.findById(owner.subject())
                .flatMap(user -> keys.findById(keyId).map(key -> MispUserView.of(owner,
                        user == null ? null : user.firstSeenAt, user == null ? null : user.lastSeenAt,
                        key == null ? null : key.lastUsedAt))));
    }

    static ApiKeyView view(PersonalKey row) {
        return new ApiKeyView(row.id.toString(), row.name, row.last4, row.createdAt, row.expiresAt, row.lastUsedAt);
    }

    /** A valid input: the name trimmed, the life defaulted. */
    ApiKeyInput validate(ApiKeyInput input) {
        List<FieldProblem> errors = new ArrayList<>();
        String name = input == null || input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldProblem("name", "api-key.name.required", Reason.of("api-key.name.required")));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            errors.add(new FieldProblem("name", "api-key.name.too-long", Reason.of("api-key.name.too-long", MAX_NAME)));
        } else if (name.codePoints().anyMatch(ApiKeyService::control)) {
            errors.add(new FieldProblem("name", "api-key.name.control", Reason.of("api-key.name.control")));
        }
        Integer days = input == null || input.expiresInDays() == null ? DEFAULT_DAYS : input.expiresInDays();
        if (days < 1 || days > maxDays()) {
            errors.add(new FieldProblem("expiresInDays", "api-key.expiry.range",
                    Reason.of("api-key.expiry.range", maxDays())));
        }
        if (!errors.isEmpty()) {
            throw CodedProblem.invalid(errors.get(0).reason(), errors);
        }
        return new ApiKeyInput(name, Math.min(days, maxDays()));
    }

    /** Control and format characters (line breaks, bidi overrides, zero-width marks) would garble lists and logs. */
    private static boolean control(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CodedProblem.notFound(Reason.of("api-key.not-found"));
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
