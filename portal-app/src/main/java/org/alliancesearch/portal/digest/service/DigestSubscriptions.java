package org.alliancesearch.portal.digest.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.i18n.DisplayTimes;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.Reason;
import org.alliancesearch.portal.digest.persistence.DigestSubscription;
import org.alliancesearch.portal.digest.persistence.DigestSubscriptionRepository;
import org.alliancesearch.portal.watch.service.AlertDeliveries;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Who asked for the weekly digest by e-mail (opt-in, off until the user turns it on). Subscribing needs an e-mail
 * address the sign-in gives (the token's {@code email}); it is kept for the user to see, while the mail itself goes to
 * the address Keycloak has verified at send time (see {@link DigestMailer}).
 */
@ApplicationScoped
public class DigestSubscriptions {
    /** The detail of a refused change. */
    public static final String INVALID = "digest.subscription-invalid";
    /** {@code subscribed} is missing. */
    public static final String SUBSCRIBED_REQUIRED = "digest.subscribed-required";
    /** Not {@code en} or {@code ja}. */
    public static final String LANGUAGE = "digest.language";
    /** Not a time zone the portal knows. */
    public static final String ZONE = "digest.zone";
    /** Subscribing without an e-mail address from the sign-in (or with one that cannot receive mail). */
    public static final String NO_EMAIL = "digest.no-email";

    /** The user asking. */
    public record Subscriber(String subject, String userName, Optional<String> email) {
    }

    /**
     * A change: {@code subscribed} is required; language ({@code en}, {@code ja}) and time zone (IANA id) are optional
     * and default to what was stored, else to the page's.
     */
    public record Input(Boolean subscribed, String language, String timeZone) {
    }

    /** The user's subscription; {@code email}, {@code language}, {@code timeZone} and {@code updatedAt} may be null. */
    public record View(boolean subscribed, String email, String language, String timeZone, Instant updatedAt) {
        static final View NONE = new View(false, null, null, null, null);
    }

    private final DigestSubscriptionRepository subscriptions;

    public DigestSubscriptions(DigestSubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    public Uni<View> get(String subject) {
        return Panache.withSession(() -> subscriptions.findById(subject)).map(DigestSubscriptions::view);
    }

    /**
     * Turns the e-mail on or off for the user.
     *
     * @param language the language used when the input names none and none was stored (the page's)
     * @param zone the zone used when the input names none and none was stored (the page's)
     * @throws CodedProblem (400) on bad input, or when subscribing without an e-mail address
     */
    public Uni<View> set(Subscriber who, Input in, Locale language, ZoneId zone) {
        List<FieldProblem> errors = new ArrayList<>();
        if (in == null || in.subscribed() == null) {
            errors.add(new FieldProblem("subscribed", SUBSCRIBED_REQUIRED, Reason.of(SUBSCRIBED_REQUIRED)));
        }
        String lang = in == null || in.language() == null ? null : in.language().strip().toLowerCase(Locale.ROOT);
        if (lang != null && !lang.equals("en") && !lang.equals("ja")) {
            errors.add(new FieldProblem("language", LANGUAGE, Reason.of(LANGUAGE)));
        }
        Optional<ZoneId> chosenZone = Optional.empty();
        if (in != null && in.timeZone() != null) {
            chosenZone = DisplayTimes.parse(in.timeZone().strip());
            if (chosenZone.isEmpty()) {
                errors.add(new FieldProblem("timeZone", ZONE, Reason.of(ZONE)));
            }
        }
        boolean on = in != null && Boolean.TRUE.equals(in.subscribed());
        Optional<String> email = who.email().map(String::strip).filter(e -> AlertDeliveries.emailRefusal(e).isEmpty());
        if (on && email.isEmpty()) {
            errors.add(new FieldProblem("email", NO_EMAIL, Reason.of(NO_EMAIL)));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(CodedProblem.invalid(Reason.of(INVALID), errors));
        }
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        String pickedLanguage = lang;
        Optional<ZoneId> pickedZone = chosenZone;
        return Panache.withTransaction(() -> subscriptions.lock(who.subject()).flatMap(s -> {
            if (s == null && !on) {
                return Uni.createFrom().item(View.NONE);
            }
            boolean created = s == null;
            DigestSubscription row = created ? new DigestSubscription() : s;
            if (created) {
                row.subject = who.subject();
                row.createdAt = now;
            }
            row.userName = who.userName();
            if (on) {
                row.email = email.get();
            }
            row.language = pickedLanguage != null
                    ? pickedLanguage
                    : row.language != null ? row.language : ("ja".equals(language.getLanguage()) ? "ja" : "en");
            row.timeZone = pickedZone.map(DisplayTimes::id)
                    .orElse(row.timeZone != null ? row.timeZone : DisplayTimes.id(zone));
            row.subscribed = on;
            row.updatedAt = now;
            return (created ? subscriptions.persist(row) : Uni.createFrom().item(row)).map(DigestSubscriptions::view);
        })).onFailure(e -> !(e instanceof CodedProblem)).retry().atMost(1); // a first change racing another
    }

    private static View view(DigestSubscription s) {
        return s == null
                ? View.NONE
                : new View(s.subscribed, s.email, s.language, s.timeZone, s.updatedAt.toInstant());
    }
}
