package org.alliancesearch.portal.watch.service;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.common.crypto.SealedSecret;
import org.alliancesearch.portal.common.crypto.SecretCipher;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.PreparedSearch;
import org.alliancesearch.portal.search.service.RateLimitedException;
import org.alliancesearch.portal.search.service.SearchRequest;
import org.alliancesearch.portal.search.service.SearchService;
import org.alliancesearch.portal.search.service.SearchValidation;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.search.service.TooManySearchesException;
import org.alliancesearch.portal.watch.persistence.InboxEntry;
import org.alliancesearch.portal.watch.persistence.InboxRepository;
import org.alliancesearch.portal.watch.persistence.Watch;
import org.alliancesearch.portal.watch.persistence.WatchRepository;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Runs due watches. A run is an ordinary federated search (rate limit, the alliance policy of the moment, the search
 * audit with source {@code watch}) under the watcher as Keycloak knows them now: a user who is gone, disabled, without
 * the member role or the organisation, or who may no longer see the saved search, gets nothing and the watch records
 * why. What is new is compared with the watch's baseline, and the inbox entry, the new baseline and the next run time
 * are written in one transaction that first checks, under a row lock, that the run is still due: a run fired again
 * (after a crash, or on another replica) either finds its work done or does it once.
 */
@ApplicationScoped
public class WatchRunner {
    private static final Logger LOG = Logger.getLogger(WatchRunner.class);

    private final WatchRepository watches;
    private final InboxRepository inbox;
    private final WatchedSearches saved;
    private final WatcherDirectory directory;
    private final SearchService search;
    private final AlertChannels channels;
    private final SecretCipher cipher;
    private final ChangeLog audit;
    private final WatchConfig config;
    private final ObjectMapper json;

    public WatchRunner(WatchRepository watches, InboxRepository inbox, WatchedSearches saved,
            WatcherDirectory directory, SearchService search, AlertChannels channels, SecretCipher cipher,
            ChangeLog audit, WatchConfig config, ObjectMapper json) {
        this.watches = watches;
        this.inbox = inbox;
        this.saved = saved;
        this.directory = directory;
        this.search = search;
        this.channels = channels;
        this.cipher = cipher;
        this.audit = audit;
        this.config = config;
        this.json = json;
    }

    /** What a run needs from the watch and its saved search, read before the (long) search. */
    private record Plan(UUID watchId, OffsetDateTime dueAt, String ownerSub, String ownerName, UUID savedSearchId,
            String savedName, String queryJson, WatchInterval interval) {
    }

    /** Runs every watch due at {@code now} (up to the configured batch), one after the other; answers how many ran. */
    public Uni<Integer> sweep(Instant now) {
        return Panache.withSession(() -> watches.due(utc(now), config.sweepBatch()))
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> run(id, now)
                                .onFailure().invoke(e -> LOG.errorf("Watch %s could not be run: %s", id, e))
                                .onFailure().recoverWithItem(Optional.empty()))
                        .collect().asList().map(List::size));
    }

    /**
     * Runs one watch if it is due at {@code now}; answers the outcome, or empty when it was not due (paused, gone, or
     * its run already done).
     */
    public Uni<Optional<RunOutcome>> run(UUID watchId, Instant now) {
        return Panache.withTransaction(() -> watches.findById(watchId).flatMap(w -> {
            if (w == null || w.paused || w.nextRunAt.toInstant().isAfter(now)) {
                return Uni.createFrom().nullItem();
            }
            return saved.find(w.savedSearchId).map(s -> s == null ? null : plan(w, s));
        })).flatMap(plan -> plan == null
                ? Uni.createFrom().item(Optional.<RunOutcome>empty())
                : runPlanned(plan, now).map(Optional::of));
    }

    private static Plan plan(Watch w, WatchedSearches.Search s) {
        return new Plan(w.id, w.nextRunAt, w.ownerSub, w.ownerName, s.id(), s.name(), s.queryJson(),
                WatchInterval.valueOf(w.interval));
    }

    private Uni<RunOutcome> runPlanned(Plan plan, Instant now) {
        return directory.find(plan.ownerSub())
                .onFailure().invoke(e -> LOG.warnf("Keycloak could not be asked about the watcher of %s: %s",
                        plan.watchId(), e.toString()))
                .map(Lookup::found).onFailure().recoverWithItem(Lookup.UNAVAILABLE)
                .flatMap(lookup -> {
                    RunOutcome refused = refusal(lookup);
                    if (refused != null) {
                        return refuse(plan, refused, lookup.name(plan.ownerName()), null, now);
                    }
                    WatcherDirectory.Watcher who = lookup.watcher().get();
                    String org = who.organisation().get();
                    return Panache.withSession(() -> saved.visible(plan.savedSearchId(), who.userName(),
                            plan.ownerSub(), org)).flatMap(visible -> visible == null
                                    ? refuse(plan, RunOutcome.NO_ACCESS, who.userName(), org, now)
                                    : searchAndTell(plan, who, now));
                });
    }

    /** Keycloak's answer about the watcher, or that it could not be asked. */
    private record Lookup(boolean unavailable, Optional<WatcherDirectory.Watcher> watcher) {
        static final Lookup UNAVAILABLE = new Lookup(true, Optional.empty());

        static Lookup found(Optional<WatcherDirectory.Watcher> watcher) {
            return new Lookup(false, watcher);
        }

        String name(String fallback) {
            return watcher.map(WatcherDirectory.Watcher::userName).orElse(fallback);
        }
    }

    private static RunOutcome refusal(Lookup lookup) {
        if (lookup.unavailable()) {
            return RunOutcome.DIRECTORY_UNAVAILABLE;
        }
        if (lookup.watcher().isEmpty()) {
            return RunOutcome.USER_UNKNOWN;
        }
        WatcherDirectory.Watcher who = lookup.watcher().get();
        if (!who.enabled()) {
            return RunOutcome.DISABLED;
        }
        if (!who.roles().contains(Roles.MEMBER) && !who.roles().contains(Roles.ADMIN)) {
            return RunOutcome.NOT_MEMBER;
        }
        if (who.organisation().isEmpty()) {
            return RunOutcome.NO_ORGANISATION;
        }
        return null;
    }

    /** Records that the run told nothing and why (on the watch and in the audit trail); the watch stays as it was. */
    private Uni<RunOutcome> refuse(Plan plan, RunOutcome outcome, String actor, String org, Instant now) {
        LOG.infof("Watch %s told nothing: %s", plan.watchId(), outcome);
        return Panache.withTransaction(() -> watches.lock(plan.watchId()).flatMap(w -> {
            if (w == null || !w.nextRunAt.isEqual(plan.dueAt())) {
                return Uni.createFrom().voidItem();
            }
            w.lastRunAt = utc(now);
            w.lastOutcome = outcome.name();
            w.nextRunAt = outcome.retrySoon() ? utc(now.plus(config.retryAfter())) : next(plan, now);
            w.updatedAt = utc(now);
            return audit.recordAs(actor, org, "watch.refused", "watch", w.id.toString(), null,
                    Map.of("reason", outcome.name(), "savedSearchId", plan.savedSearchId().toString()));
        })).replaceWith(outcome);
    }

    private Uni<RunOutcome> searchAndTell(Plan plan, WatcherDirectory.Watcher who, Instant now) {
        Searcher searcher = new Searcher(who.userName(), who.organisation().get(), who.roles().contains(Roles.ADMIN),
                plan.ownerSub());
        return Uni.createFrom().deferred(() -> {
            PreparedSearch prepared = SearchValidation.prepare(read(plan.queryJson()));
            return search.start(prepared, searcher, SearchService.SOURCE_WATCH, plan.savedSearchId());
        }).flatMap(live -> live.result())
                .flatMap(done -> record(plan, who, done, now))
                .onFailure().recoverWithUni(e -> {
                    boolean busy = e instanceof TooManySearchesException || e instanceof RateLimitedException;
                    if (!busy) {
                        LOG.warnf("Watch %s could not search: %s", plan.watchId(), e.getClass().getName());
                    }
                    return refuse(plan, busy ? RunOutcome.BUSY : RunOutcome.SEARCH_FAILED, who.userName(),
                            who.organisation().orElse(null), now);
                });
    }

    /** The new alert (if any) as written, and where it is to be delivered. */
    private record Written(InboxEntry entry, AlertContent content, WatchChannels channels, Locale language,
            ZoneId zone) {
    }

    private Uni<RunOutcome> record(Plan plan, WatcherDirectory.Watcher who, CompletedSearch done, Instant now) {
        List<WatchDiff.Sighting> sightings = sightings(done);
        Map<String, AlertContent.FailedMember> failed = failed(done);
        return Panache.withTransaction(() -> watches.lock(plan.watchId()).flatMap(w -> {
            if (w == null || w.paused || !w.nextRunAt.isEqual(plan.dueAt())) {
                return Uni.createFrom().<Written>nullItem(); // done meanwhile, or paused or deleted
            }
            WatchDiff.Result diff = WatchDiff.diff(WatchDiff.parse(w.baseline), sightings,
                    new ArrayList<>(failed.keySet()));
            w.baseline = WatchDiff.serialise(diff.baseline());
            w.lastRunAt = utc(now);
            w.lastSuccessAt = utc(now);
            w.lastOutcome = RunOutcome.SEARCHED.name();
            w.nextRunAt = next(plan, now);
            w.updatedAt = utc(now);
            // Never "nothing new" on a partial answer; a first run tells only when members failed.
            if (!diff.alertDue() && !(diff.firstRun() && diff.partial())) {
                return Uni.createFrom().<Written>nullItem();
            }
            AlertContent content = new AlertContent(diff.firstRun(), diff.newIndicators(), diff.newOrganisations(),
                    diff.failedMembers().stream().map(failed::get).toList(), null, diff.newIndicatorHolders());
            InboxEntry entry = entry(w, InboxEntry.ALERT, plan.dueAt(), content, now);
            WatchChannels to = channelsOf(w, who);
            return inbox.persist(entry).map(stored -> new Written(stored, content, to, locale(w), zone(w)));
        })).flatMap(written -> written == null
                ? Uni.createFrom().item(RunOutcome.SEARCHED)
                : deliver(plan, written, now).replaceWith(RunOutcome.SEARCHED));
    }

    /** Hands the alert to e-mail and webhook delivery, counts failed deliveries, and pauses the watch after too many. */
    private Uni<Void> deliver(Plan plan, Written written, Instant now) {
        WatchChannels to = written.channels();
        if (to.email().isEmpty() && to.webhookUrl().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        WatchAlert alert = alert(plan, written);
        return channels.deliver(alert, to)
                .onFailure().recoverWithItem(e -> new DeliveryReport(to.email().isPresent(), false,
                        to.webhookUrl().isPresent(), false, Optional.of(e.getClass().getSimpleName())))
                .flatMap(report -> Panache.withTransaction(() -> watches.lock(plan.watchId()).flatMap(w -> {
                    if (w == null) {
                        return Uni.createFrom().item(false);
                    }
                    w.consecutiveFailures = DeliveryFailures.next(w.consecutiveFailures, !report.failed());
                    w.updatedAt = utc(now);
                    if (w.paused || !DeliveryFailures.pauseDue(w.consecutiveFailures)) {
                        return Uni.createFrom().item(false);
                    }
                    w.paused = true;
                    w.pausedReason = "DELIVERY";
                    InboxEntry notice = entry(w, InboxEntry.PAUSED, plan.dueAt(),
                            AlertContent.paused("DELIVERY"), now);
                    return inbox.persist(notice).replaceWith(true);
                }))).flatMap(paused -> paused
                        ? channels.tellPaused(alert, to, "DELIVERY")
                                .onFailure().invoke(e -> LOG.warnf("Watch %s paused; its owner could not be told"
                                        + " outside the inbox: %s", plan.watchId(), e.getClass().getName()))
                                .onFailure().recoverWithNull()
                        : Uni.createFrom().voidItem());
    }

    private static WatchAlert alert(Plan plan, Written w) {
        AlertContent c = w.content();
        return new WatchAlert(w.entry().id, plan.watchId(), plan.savedName(), plan.ownerName(),
                w.entry().createdAt.toInstant(), c.firstRun(), c.newIndicators(), c.newOrganisations(),
                c.failedMembers().stream().map(AlertContent.FailedMember::describe).toList(), w.language(),
                w.zone());
    }

    private WatchChannels channelsOf(Watch w, WatcherDirectory.Watcher who) {
        Optional<String> email = w.email ? who.email() : Optional.empty();
        Optional<URI> url = Optional.ofNullable(w.webhookUrl).map(URI::create);
        Optional<String> secret = w.webhookSecretKeyId == null
                ? Optional.empty()
                : Optional.of(cipher.open(new SealedSecret(w.webhookSecretKeyId, w.webhookSecretCiphertext),
                        WatchSecrets.context(w.id)));
        return new WatchChannels(email, url, url.isPresent() ? secret : Optional.empty());
    }

    private InboxEntry entry(Watch w, String kind, OffsetDateTime dueAt, AlertContent content, Instant now) {
        InboxEntry entry = new InboxEntry();
        entry.id = UUID.randomUUID();
        entry.watchId = w.id;
        entry.ownerSub = w.ownerSub;
        entry.kind = kind;
        entry.runDueAt = dueAt;
        entry.createdAt = utc(now);
        // A watch that does not use the inbox still keeps the entry (it is the record of the run), read at once.
        entry.readAt = w.inbox || InboxEntry.PAUSED.equals(kind) ? null : entry.createdAt;
        entry.contentJson = write(content);
        return entry;
    }

    /** Every indicator with each organisation holding it, by type family and value. */
    static List<WatchDiff.Sighting> sightings(CompletedSearch done) {
        List<WatchDiff.Sighting> sightings = new ArrayList<>();
        for (MergedIndicator i : done.merged().indicators()) {
            String key = i.family() + ":" + i.value();
            if (i.organisations().isEmpty()) {
                sightings.add(new WatchDiff.Sighting(key, ""));
            }
            for (String org : i.organisations()) {
                sightings.add(new WatchDiff.Sighting(key, org));
            }
        }
        return sightings;
    }

    /** The members that did not answer fully (a disabled member was not asked on purpose and is not counted). */
    static Map<String, AlertContent.FailedMember> failed(CompletedSearch done) {
        Map<String, AlertContent.FailedMember> failed = new LinkedHashMap<>();
        for (MemberOutcome o : done.outcomes()) {
            if (o.status() != MemberStatus.OK && o.status() != MemberStatus.DISABLED) {
                failed.putIfAbsent(o.member().name(),
                        new AlertContent.FailedMember(o.member().name(), o.status().name(), o.message()));
            }
        }
        return failed;
    }

    private static OffsetDateTime next(Plan plan, Instant now) {
        Instant next = plan.interval().nextRun(plan.dueAt().toInstant(), now);
        // after a long pause (the cluster was down) the next run is one interval from now, not a burst of catch-ups
        return utc(next.isAfter(now) ? next : now.plus(plan.interval().period()));
    }

    private static Locale locale(Watch w) {
        return Locale.forLanguageTag(w.language);
    }

    private static ZoneId zone(Watch w) {
        try {
            return ZoneId.of(w.timeZone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private SearchRequest read(String text) {
        try {
            return json.readValue(text, SearchRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored search request unreadable", e);
        }
    }

    private String write(AlertContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert not serialisable", e);
        }
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
