package org.alliancesearch.portal.watch.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.crypto.SealedSecret;
import org.alliancesearch.portal.common.crypto.SecretCipher;
import org.alliancesearch.portal.common.i18n.DisplayTimes;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.Reason;
import org.alliancesearch.portal.member.service.MemberUrlValidator;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.watch.persistence.InboxEntry;
import org.alliancesearch.portal.watch.persistence.InboxRepository;
import org.alliancesearch.portal.watch.persistence.Watch;
import org.alliancesearch.portal.watch.persistence.WatchRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Watches and the inbox for their owners. A watch exists only for its owner, and only while they may see its saved
 * search: anything else answers 404. The webhook URL passes the member URL rules; its signing secret is made here,
 * shown once and kept encrypted.
 */
@ApplicationScoped
public class WatchService {
    public static final String INVALID = "watch.invalid";
    public static final String EXISTS = "watch.exists";
    public static final String TOO_MANY = "watch.too-many";
    public static final String NOT_FOUND = "watch.not-found";
    public static final String INBOX_NOT_FOUND = "watch.inbox-not-found";
    public static final String INTERVAL = "watch.interval";
    public static final String ZONE = "watch.zone";
    public static final String WEBHOOK_TOO_LONG = "watch.webhook-too-long";
    public static final String WEBHOOK_ADDRESS = "watch.webhook-address";
    public static final String NO_CHANNEL = "watch.no-channel";
    public static final String RUN_PAUSED = "watch.run-paused";
    public static final String RUN_TOO_SOON = "watch.run-too-soon";

    static final int MAX_URL = 2048;
    static final int INBOX_PAGE = 100;
    /** Why a watch was paused by its owner (the runner pauses with DELIVERY). */
    static final String PAUSED_BY_OWNER = "OWNER";

    private final WatchRepository watches;
    private final InboxRepository inbox;
    private final WatchedSearches saved;
    private final SecretCipher cipher;
    private final WatchConfig config;
    private final WebhookUrlRule webhooks;
    private final ObjectMapper json;
    private final SweepTrigger sweep;
    private final SecureRandom random = new SecureRandom();

    public WatchService(WatchRepository watches, InboxRepository inbox, WatchedSearches saved,
            SecretCipher cipher, WatchConfig config, WebhookUrlRule webhooks,
            ObjectMapper json, SweepTrigger sweep) {
        this.sweep = sweep;
        this.watches = watches;
        this.inbox = inbox;
        this.saved = saved;
        this.cipher = cipher;
        this.config = config;
        this.webhooks = webhooks;
        this.json = json;
    }

    /** Watches a saved search the caller may see (404 otherwise); one watch per user and saved search (409). */
    public Uni<CreatedWatch> create(String savedSearchId, WatchInput input, Searcher who, Locale language,
            ZoneId pageZone) {
        return Uni.createFrom().item(() -> validate(input, true)).flatMap(valid -> Panache
                .withTransaction(() -> visible(savedSearchId, who).flatMap(search -> watches
                        .ofSearch(search.id(), who.subject()).flatMap(existing -> {
                            if (existing != null) {
                                throw CodedProblem.conflict(Reason.of(EXISTS), List.of());
                            }
                            return watches.count("ownerSub", who.subject());
                        }).flatMap(count -> {
                            if (count >= config.maxPerUser()) {
                                throw CodedProblem.conflict(Reason.of(TOO_MANY, config.maxPerUser()), List.of());
                            }
                            OffsetDateTime now = now();
                            Watch w = new Watch();
                            w.id = UUID.randomUUID();
                            w.savedSearchId = search.id();
                            w.ownerSub = who.subject();
                            w.ownerName = who.user();
                            w.interval = valid.interval().orElse(WatchInterval.DAILY).name();
                            w.inbox = valid.inbox().orElse(true);
                            w.email = valid.email().orElse(false);
                            w.language = language.getLanguage();
                            w.timeZone = DisplayTimes.id(valid.zone().orElse(pageZone));
                            w.nextRunAt = now; // the first run sets what is known, soon
                            w.createdAt = now;
                            w.updatedAt = now;
                            String secret = applyWebhook(w, valid.webhookUrl());
                            return watches.persist(w).map(stored -> new CreatedWatch(view(w, search), secret));
                        }))));
    }

    public Uni<List<WatchView>> list(Searcher who) {
        return Panache.withSession(() -> watches.of(who.subject()).flatMap(list -> names(list.stream()
                .map(w -> w.savedSearchId).collect(Collectors.toSet()), who)
                .map(visible -> list.stream().filter(w -> visible.containsKey(w.savedSearchId))
                        .map(w -> view(w, visible.get(w.savedSearchId))).toList())));
    }

    public Uni<WatchView> get(String id, Searcher who) {
        return Panache.withSession(() -> mine(id, who).map(found -> view(found.watch(), found.search())));
    }

    /** The watch of one saved search by the caller, if any (for the saved search's page). */
    public Uni<Optional<WatchView>> ofSearch(String savedSearchId, Searcher who) {
        UUID uuid;
        try {
            uuid = UUID.fromString(savedSearchId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.withSession(() -> watches.ofSearch(uuid, who.subject()).flatMap(w -> w == null
                ? Uni.createFrom().item(Optional.<WatchView>empty())
                : saved.visible(uuid, who.user(), who.subject(), who.organisation())
                        .map(s -> s == null ? Optional.<WatchView>empty() : Optional.of(view(w, s)))));
    }

    /** Changes the interval or channels; a webhook URL given to a watch without one gets a new secret (shown once). */
    public Uni<CreatedWatch> update(String id, WatchInput input, Searcher who) {
        return Uni.createFrom().item(() -> validate(input, false))
                .flatMap(valid -> Panache.withTransaction(() -> mine(id, who).map(found -> {
                    Watch w = found.watch();
                    OffsetDateTime now = now();
                    valid.interval().ifPresent(interval -> {
                        w.interval = interval.name();
                        Instant last = w.lastRunAt == null ? null : w.lastRunAt.toInstant();
                        w.nextRunAt = interval.nextRun(last, now.toInstant()).atOffset(ZoneOffset.UTC);
                    });
                    valid.inbox().ifPresent(v -> w.inbox = v);
                    valid.email().ifPresent(v -> w.email = v);
                    valid.zone().ifPresent(z -> w.timeZone = DisplayTimes.id(z));
                    String secret = null;
                    if (valid.webhookUrl() != null) {
                        secret = applyWebhook(w, valid.webhookUrl());
                    }
                    w.updatedAt = now;
                    return new CreatedWatch(view(w, found.search()), secret);
                })));
    }

    public Uni<WatchView> pause(String id, Searcher who) {
        return Panache.withTransaction(() -> mine(id, who).map(found -> {
            Watch w = found.watch();
            if (!w.paused) {
                w.paused = true;
                w.pausedReason = PAUSED_BY_OWNER;
                w.updatedAt = now();
            }
            return view(w, found.search());
        }));
    }

    /** Resumes a paused watch; failed deliveries are forgotten and an overdue run happens soon. */
    public Uni<WatchView> resume(String id, Searcher who) {
        return Panache.withTransaction(() -> mine(id, who).map(found -> {
            Watch w = found.watch();
            OffsetDateTime now = now();
            w.paused = false;
            w.pausedReason = null;
            w.consecutiveFailures = 0;
            if (w.nextRunAt.isBefore(now)) {
                w.nextRunAt = now;
            }
            w.updatedAt = now;
            return view(w, found.search());
        }));
    }

    /**
     * "Run now": makes the caller's watch due at once and asks the clustered sweep to run it, so that the run is the
     * ordinary one (one run under the row lock, what is new told once, the next run one interval later). A paused
     * watch is refused (409: resume it first); so is a watch whose last run is more recent than the run-now gap (429,
     * with the seconds left), so that members are not made to answer the same search over and over. A watch already
     * due is left as it is: the sweep running or the next one takes it.
     */
    public Uni<WatchView> runNow(String id, Searcher who) {
        return Panache.withTransaction(() -> mine(id, who).flatMap(found -> watches.lock(found.watch().id)
                .map(w -> {
                    if (w.paused) {
                        throw CodedProblem.conflict(Reason.of(RUN_PAUSED), List.of());
                    }
                    OffsetDateTime now = now();
                    if (w.lastRunAt != null) {
                        long left = Duration.between(now, w.lastRunAt.plus(config.runNowGap())).toMillis();
                        if (left > 0) {
                            throw new RunTooSoon((left + 999) / 1000);
                        }
                    }
                    boolean moved = w.nextRunAt.isAfter(now);
                    if (moved) {
                        w.nextRunAt = now;
                        w.updatedAt = now;
                    }
                    return new RunNow(view(w, found.search()), moved);
                }))).call(run -> run.moved() ? sweep.now() : Uni.createFrom().voidItem())
                .map(RunNow::watch);
    }

    /** The watch as made due, and whether it was moved (else it was due already). */
    private record RunNow(WatchView watch, boolean moved) {
    }

    /** Deletes the caller's watch (and its inbox entries); 404 when it is not theirs. */
    public Uni<Void> delete(String id, Searcher who) {
        return Panache.withTransaction(() -> watches.mine(parse(id), who.subject())
                .onItem().ifNull().failWith(() -> notFound(id))
                .flatMap(watches::delete));
    }

    public Uni<InboxView> inbox(Searcher who) {
        return Panache.withSession(() -> inbox.unread(who.subject()).flatMap(unread -> inbox
                .latest(who.subject(), INBOX_PAGE).flatMap(entries -> watches
                        .list("id in ?1", entries.stream().map(e -> e.watchId).collect(Collectors.toSet()))
                        .flatMap(ws -> names(ws.stream().map(w -> w.savedSearchId).collect(Collectors.toSet()),
                                who).map(searches -> {
                                    Map<UUID, Watch> byId = new HashMap<>();
                                    ws.forEach(w -> byId.put(w.id, w));
                                    List<InboxView.Item> items = new ArrayList<>();
                                    for (InboxEntry e : entries) {
                                        Watch w = byId.get(e.watchId);
                                        WatchedSearches.Search s = w == null ? null : searches.get(w.savedSearchId);
                                        items.add(new InboxView.Item(e.id.toString(), e.watchId.toString(),
                                                w == null ? null : w.savedSearchId.toString(),
                                                s == null ? null : s.name(), e.kind, e.createdAt.toInstant(),
                                                e.readAt == null ? null : e.readAt.toInstant(), read(e.contentJson)));
                                    }
                                    return new InboxView(unread, items);
                                })))));
    }

    public Uni<Long> unread(Searcher who) {
        return Panache.withSession(() -> inbox.unread(who.subject()));
    }

    /** Marks one entry read; 404 when it is not the caller's. */
    public Uni<Void> markRead(String id, Searcher who) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().failure(CodedProblem.notFound(Reason.of(INBOX_NOT_FOUND)));
        }
        return Panache.withTransaction(() -> inbox.find("id = ?1 and ownerSub = ?2", uuid, who.subject())
                .firstResult().onItem().ifNull().failWith(() -> CodedProblem.notFound(Reason.of(INBOX_NOT_FOUND)))
                .flatMap(entry -> inbox.markRead(uuid, who.subject(), now()))).replaceWithVoid();
    }

    public Uni<Integer> markAllRead(Searcher who) {
        return Panache.withTransaction(() -> inbox.markAllRead(who.subject(), now()));
    }

    /** A watch of the caller on a saved search they may still see. */
    private record Mine(Watch watch, WatchedSearches.Search search) {
    }

    private Uni<Mine> mine(String id, Searcher who) {
        UUID uuid = parse(id);
        return watches.mine(uuid, who.subject()).onItem().ifNull().failWith(() -> notFound(id))
                .flatMap(w -> saved.visible(w.savedSearchId, who.user(), who.subject(), who.organisation())
                        .onItem().ifNull().failWith(() -> notFound(id))
                        .map(s -> new Mine(w, s)));
    }

    private Uni<WatchedSearches.Search> visible(String savedSearchId, Searcher who) {
        UUID uuid = parse(savedSearchId);
        return saved.visible(uuid, who.user(), who.subject(), who.organisation())
                .onItem().ifNull().failWith(() -> notFound(savedSearchId));
    }

    /** The saved searches among {@code ids} the caller may see, by id. */
    private Uni<Map<UUID, WatchedSearches.Search>> names(Collection<UUID> ids, Searcher who) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return saved.visibleTo(who.user(), who.subject(), who.organisation()).map(all -> {
            Map<UUID, WatchedSearches.Search> byId = new HashMap<>();
            Set<UUID> wanted = Set.copyOf(ids);
            all.stream().filter(s -> wanted.contains(s.id())).forEach(s -> byId.put(s.id(), s));
            return byId;
        });
    }

    /** Sets or removes the webhook; answers a new secret when one was made. */
    private String applyWebhook(Watch w, Optional<String> url) {
        if (url == null || url.isEmpty()) {
            if (url != null) {
                w.webhookUrl = null;
                w.webhookSecretKeyId = null;
                w.webhookSecretCiphertext = null;
            }
            return null;
        }
        boolean fresh = w.webhookSecretKeyId == null;
        w.webhookUrl = url.get();
        if (!fresh) {
            return null; // the secret stays; the owner already has it
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SealedSecret sealed = cipher.seal(secret, WatchSecrets.context(w.id));
        w.webhookSecretKeyId = sealed.keyId();
        w.webhookSecretCiphertext = sealed.ciphertext();
        return secret;
    }

    /**
     * A checked input; {@code webhookUrl} is null when not given, empty to remove the webhook.
     */
    private record Valid(Optional<WatchInterval> interval, Optional<Boolean> inbox, Optional<Boolean> email,
            Optional<String> webhookUrl, Optional<ZoneId> zone) {
    }

    private Valid validate(WatchInput input, boolean creating) {
        WatchInput in = input == null ? new WatchInput(null, null, null, null, null) : input;
        List<FieldProblem> errors = new ArrayList<>();
        Optional<WatchInterval> interval = Optional.empty();
        if (in.interval() != null || creating) {
            interval = in.interval() == null ? Optional.of(WatchInterval.DAILY) : WatchInterval.parse(in.interval());
            if (interval.isEmpty()) {
                errors.add(new FieldProblem("interval", "interval.unknown", Reason.of(INTERVAL)));
            }
        }
        Optional<String> webhook = null;
        if (in.webhookUrl() != null) {
            String raw = in.webhookUrl().strip();
            if (raw.isEmpty()) {
                webhook = Optional.empty();
            } else if (raw.length() > MAX_URL) {
                errors.add(new FieldProblem("webhookUrl", "too-long", Reason.of(WEBHOOK_TOO_LONG, MAX_URL)));
            } else {
                WebhookUrlRule.Checked checked = webhooks.check(raw);
                if (checked.ok()) {
                    webhook = Optional.of(checked.url().toString());
                } else {
                    errors.add(new FieldProblem("webhookUrl", checked.code(), urlReason(checked.code())));
                }
            }
        }
        Optional<ZoneId> zone = Optional.empty();
        if (in.timeZone() != null && !in.timeZone().isBlank()) {
            zone = DisplayTimes.parse(in.timeZone().strip());
            if (zone.isEmpty()) {
                errors.add(new FieldProblem("timeZone", "timeZone.unknown", Reason.of(ZONE)));
            }
        }
        if (creating && Boolean.FALSE.equals(in.inbox()) && !Boolean.TRUE.equals(in.email())
                && (webhook == null || webhook.isEmpty())) {
            errors.add(new FieldProblem("inbox", "channel.none", Reason.of(NO_CHANNEL)));
        }
        if (!errors.isEmpty()) {
            throw CodedProblem.invalid(Reason.of(INVALID), errors);
        }
        return new Valid(interval, Optional.ofNullable(in.inbox()), Optional.ofNullable(in.email()), webhook, zone);
    }

    /**
     * The words of a refused webhook URL: the member URL rules' own where the refusal is one of theirs, else the
     * address kind that webhooks may not reach.
     */
    static Reason urlReason(String code) {
        String kind = code.startsWith("url.") ? code.substring(4) : code;
        for (MemberUrlValidator.Refusal r : MemberUrlValidator.Refusal.values()) {
            if (r.code().equals(code)) {
                return Reason.of("member." + code);
            }
        }
        if (WebhookUrlRule.HTTPS_REQUIRED.equals(code)) {
            return Reason.of("member." + code);
        }
        return Reason.of(WEBHOOK_ADDRESS, kind);
    }

    static WatchView view(Watch w, WatchedSearches.Search s) {
        return new WatchView(w.id.toString(), w.savedSearchId.toString(), s == null ? null : s.name(), w.interval,
                w.inbox, w.email, w.webhookUrl, w.paused, w.pausedReason, w.consecutiveFailures, instant(w.nextRunAt),
                instant(w.lastRunAt), instant(w.lastSuccessAt), w.lastOutcome, w.language, w.timeZone,
                instant(w.createdAt), instant(w.updatedAt));
    }

    private AlertContent read(String text) {
        try {
            return json.readValue(text, AlertContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert unreadable", e);
        }
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound(id);
        }
    }

    private static CodedProblem notFound(String id) {
        String shown = id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "…" : id;
        return CodedProblem.notFound(Reason.of(NOT_FOUND, shown));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
