package org.alliancesearch.portal.digest.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.digest.persistence.DigestMailRepository;
import org.alliancesearch.portal.digest.persistence.DigestSubscriptionRepository;
import org.alliancesearch.portal.watch.config.DeliveryConfig;
import org.alliancesearch.portal.watch.service.AlertDeliveries;
import org.alliancesearch.portal.watch.service.WatcherDirectory;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends the weekly digest to its subscribers: once the weekly job built a week's digest it {@link #open opens} the
 * week, and every {@link #sweep} (right after the build, then on {@code alliance.digest.mail.sweep}) sends each
 * subscriber still owed it one e-mail, in their language and zone.
 *
 * <p>Once per subscriber and week, across replicas and runs: the (subscriber, week) row is taken in a transaction
 * holding the subscription's row lock before the e-mail is handed to the SMTP server, and only a failed attempt (or
 * one whose replica died, after {@code stale-after}) can be taken again, at most {@code max-attempts} times in all. A
 * second build of the week opens nothing new and mails nobody again.
 *
 * <p>Who gets it is decided at send time by Keycloak ({@link WatcherDirectory}, as for watches): a user unknown,
 * disabled, without the member (or admin) role or without an organisation gets nothing, and the address is the one
 * Keycloak has verified now. Logs name the subscriber's subject and the week, never an address.
 */
@ApplicationScoped
public class DigestMailer {
    private static final Logger LOG = Logger.getLogger(DigestMailer.class);

    /** How one subscriber's e-mail of one week ended; the outcomes are stored on the row (never an address). */
    public enum Outcome {
        SENT, FAILED_DIRECTORY, FAILED_SMTP, USER_UNKNOWN, DISABLED, NOT_MEMBER, NO_ORGANISATION, NO_EMAIL, NOT_OWED;

        String status() {
            return switch (this) {
                case SENT -> "SENT";
                case FAILED_DIRECTORY, FAILED_SMTP -> "FAILED";
                default -> "SKIPPED";
            };
        }

        String stored() {
            return switch (this) {
                case FAILED_DIRECTORY -> "DIRECTORY_UNAVAILABLE";
                case FAILED_SMTP -> "SMTP";
                case SENT -> null;
                default -> name();
            };
        }
    }

    /** What one sweep did. */
    public record Report(int sent, int skipped, int failed) {
        static final Report NONE = new Report(0, 0, 0);

        Report plus(Outcome o) {
            return switch (o) {
                case SENT -> new Report(sent + 1, skipped, failed);
                case FAILED_DIRECTORY, FAILED_SMTP -> new Report(sent, skipped, failed + 1);
                case NOT_OWED -> this;
                default -> new Report(sent, skipped + 1, failed);
            };
        }

        Report plus(Report r) {
            return new Report(sent + r.sent, skipped + r.skipped, failed + r.failed);
        }
    }

    /** A subscriber's e-mail taken for sending. */
    private record Taken(String subject, String userName, Locale language, ZoneId zone, int attempt) {
    }

    private final DigestService digests;
    private final DigestMailRepository mails;
    private final DigestSubscriptionRepository subscriptions;
    private final WatcherDirectory directory;
    private final ReactiveMailer mailer;
    private final DeliveryConfig delivery;
    private final DigestConfig.Mail config;
    private final Vertx vertx;

    public DigestMailer(DigestService digests, DigestMailRepository mails, DigestSubscriptionRepository subscriptions,
            WatcherDirectory directory, ReactiveMailer mailer, DeliveryConfig delivery, DigestConfig config,
            Vertx vertx) {
        this.digests = digests;
        this.mails = mails;
        this.subscriptions = subscriptions;
        this.directory = directory;
        this.mailer = mailer;
        this.delivery = delivery;
        this.config = config.mail();
        this.vertx = vertx;
    }

    /** Opens a week the weekly job built for mailing; opening it again (a rebuild) changes nothing. */
    public Uni<Void> open(LocalDate week, Instant at) {
        Executor context = onContext();
        return Uni.createFrom().voidItem().emitOn(context).flatMap(ignored -> mails.open(week, utc(at)))
                .replaceWithVoid();
    }

    /**
     * Sends every open week's e-mail to the subscribers still owed it (at most {@code sweep-batch}), one after the
     * other. Never fails for one subscriber: each failure is on its row and in the log.
     */
    public Uni<Report> sweep(Instant now) {
        Executor context = onContext();
        return Uni.createFrom().voidItem().emitOn(context)
                .flatMap(ignored -> mails.openSince(utc(now.minus(config.sendWithin()))))
                .flatMap(weeks -> Multi.createFrom().iterable(weeks)
                        .onItem().transformToUniAndConcatenate(week -> sweepWeek(week, now, context))
                        .collect().in(() -> new Report[]{Report.NONE}, (acc, r) -> acc[0] = acc[0].plus(r))
                        .map(acc -> acc[0]))
                .invoke(r -> {
                    if (r.sent() + r.skipped() + r.failed() > 0) {
                        LOG.infof("Digest e-mail sweep: %d sent, %d skipped, %d failed", r.sent(), r.skipped(),
                                r.failed());
                    }
                });
    }

    private Uni<Report> sweepWeek(LocalDate week, Instant now, Executor context) {
        return digests.week(week).emitOn(context).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Report.NONE);
            }
            StoredDigest digest = found.get();
            return Panache.withSession(() -> subscriptions.owed(week, staleBefore(now), maxAttempts(),
                    Math.max(1, config.sweepBatch())))
                    .flatMap(owed -> Multi.createFrom().iterable(owed)
                            .onItem().transformToUniAndConcatenate(subject -> sendOne(digest, subject, now, context)
                                    .onFailure().recoverWithItem(e -> {
                                        LOG.warnf("Digest e-mail of %s for subscriber %s: %s", week, subject,
                                                e.getClass().getName());
                                        return Outcome.NOT_OWED;
                                    }))
                            .collect().in(() -> new Report[]{Report.NONE}, (acc, o) -> acc[0] = acc[0].plus(o))
                            .map(acc -> acc[0]));
        });
    }

    /** Takes, checks, sends and records one subscriber's e-mail of a week. */
    Uni<Outcome> sendOne(StoredDigest digest, String subject, Instant now, Executor context) {
        LocalDate week = digest.weekStart();
        return Uni.createFrom().voidItem().emitOn(context)
                .flatMap(ignored -> Panache.withTransaction(() -> subscriptions.lock(subject).flatMap(s -> {
                    if (s == null || !s.subscribed) {
                        return Uni.createFrom().<Taken>nullItem();
                    }
                    return mails.take(subject, week, utc(now), staleBefore(now), maxAttempts())
                            .map(attempt -> attempt == 0
                                    ? null
                                    : new Taken(subject, s.userName, Locale.forLanguageTag(s.language),
                                            zone(s.timeZone),
                                            attempt));
                })))
                .flatMap(taken -> taken == null
                        ? Uni.createFrom().item(Outcome.NOT_OWED)
                        : deliver(digest, taken).emitOn(context)
                                .call(outcome -> mails.finish(subject, week, taken.attempt(), outcome.status(),
                                        outcome.stored(), utc(Instant.now())))
                                .invoke(outcome -> log(week, taken, outcome)));
    }

    private void log(LocalDate week, Taken taken, Outcome outcome) {
        switch (outcome) {
            case SENT -> LOG.debugf("Digest e-mail of %s sent to subscriber %s", week, taken.subject());
            case FAILED_DIRECTORY, FAILED_SMTP -> LOG.infof(
                    "Digest e-mail of %s for subscriber %s not sent (attempt %d of %d): %s%s", week, taken.subject(),
                    taken.attempt(), maxAttempts(), outcome.stored(),
                    taken.attempt() >= maxAttempts() ? "; no further attempt" : "");
            default -> LOG.infof("Digest e-mail of %s for subscriber %s skipped: %s", week, taken.subject(),
                    outcome.stored());
        }
    }

    /** Asks Keycloak who the subscriber is now, then sends to their verified address. */
    private Uni<Outcome> deliver(StoredDigest digest, Taken taken) {
        return directory.find(taken.subject())
                .map(Optional::of).onFailure().recoverWithItem(Optional.empty())
                .flatMap(lookup -> {
                    if (lookup.isEmpty()) {
                        return Uni.createFrom().item(Outcome.FAILED_DIRECTORY);
                    }
                    Optional<WatcherDirectory.Watcher> found = lookup.get();
                    Outcome refused = refusal(found);
                    if (refused != null) {
                        return Uni.createFrom().item(refused);
                    }
                    WatcherDirectory.Watcher who = found.get();
                    DigestMailText.Text text = DigestMailText.of(digest.weekStart(), digest.digest(), who.userName(),
                            taken.language(), taken.zone(), url("/digest"), url("/preferences"));
                    return send(who.email().get(), text, digest.weekStart());
                });
    }

    /** Why the subscriber gets nothing now, or null: the page's access rule (a member with an organisation). */
    static Outcome refusal(Optional<WatcherDirectory.Watcher> found) {
        if (found.isEmpty()) {
            return Outcome.USER_UNKNOWN;
        }
        WatcherDirectory.Watcher who = found.get();
        if (!who.enabled()) {
            return Outcome.DISABLED;
        }
        if (!who.roles().contains(Roles.MEMBER) && !who.roles().contains(Roles.ADMIN)) {
            return Outcome.NOT_MEMBER;
        }
        if (who.organisation().isEmpty()) {
            return Outcome.NO_ORGANISATION;
        }
        if (who.email().isEmpty() || AlertDeliveries.emailRefusal(who.email().get()).isPresent()) {
            return Outcome.NO_EMAIL;
        }
        return null;
    }

    private Uni<Outcome> send(String to, DigestMailText.Text text, LocalDate week) {
        Duration timeout = delivery.mail().timeout();
        Mail mail = Mail.withText(to, text.subject(), text.body()).setFrom(delivery.mail().from())
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("X-Alliance-Digest", week.toString());
        return Uni.createFrom().deferred(() -> mailer.send(mail))
                .ifNoItem().after(timeout).fail()
                .onItemOrFailure().transform((ok, failure) -> {
                    if (failure != null) {
                        LOG.debugf("Digest e-mail of %s: %s", week, failure.getClass().getName());
                        return Outcome.FAILED_SMTP;
                    }
                    return Outcome.SENT;
                });
    }

    /** A page of the portal as users reach it. */
    String url(String path) {
        String base = delivery.portalBaseUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private int maxAttempts() {
        return Math.max(1, config.maxAttempts());
    }

    private OffsetDateTime staleBefore(Instant now) {
        return utc(now.minus(config.staleAfter()));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** A Vert.x context for Hibernate Reactive: the caller may be a scheduler thread, answers come on any thread. */
    private Executor onContext() {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return task -> context.runOnContext(ignored -> task.run());
    }
}
