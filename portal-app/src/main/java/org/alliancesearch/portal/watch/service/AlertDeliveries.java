package org.alliancesearch.portal.watch.service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancesearch.portal.watch.config.DeliveryConfig;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/**
 * Delivers a watch's alerts by e-mail (Quarkus Mailer) and webhook ({@link WebhookSender}), both at once, each within
 * its own deadline. A delivery never fails and never hangs: whatever went wrong is in the {@link DeliveryReport}, for
 * the watch to count towards pausing. Logs name the watch and the alert, never the recipient, the webhook URL (its
 * path may be a credential) or the secret.
 */
@ApplicationScoped
public class AlertDeliveries implements AlertChannels {
    /** The field-error code of an e-mail address that cannot be one. */
    public static final String EMAIL_INVALID = "email.invalid";
    private static final Logger LOG = Logger.getLogger(AlertDeliveries.class);
    /** A deliberately plain address: local part, @, a dotted domain; no spaces, no line breaks, no display name. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final ReactiveMailer mailer;
    private final WebhookSender webhooks;
    private final WebhookUrlRule urls;
    private final DeliveryConfig config;

    @Inject
    public AlertDeliveries(ReactiveMailer mailer, WebhookSender webhooks, WebhookUrlRule urls, DeliveryConfig config) {
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.urls = urls;
        this.config = config;
    }

    /**
     * Checks a webhook URL when a watch is saved; the code (e.g. {@code url.private}, {@code url.https-required}) is
     * the field error to answer with. The same rules are applied again to the resolved addresses at each delivery.
     */
    public WebhookUrlRule.Checked checkWebhookUrl(String url) {
        return urls.check(url);
    }

    /** Why an e-mail address cannot receive alerts ({@value #EMAIL_INVALID}), or empty. */
    public static Optional<String> emailRefusal(String address) {
        return address != null && address.length() <= 254 && EMAIL.matcher(address).matches()
                ? Optional.empty()
                : Optional.of(EMAIL_INVALID);
    }

    /** The inbox page, which alert e-mails and webhooks link to. */
    public URI inboxUrl() {
        String base = config.portalBaseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/inbox");
    }

    @Override
    public Uni<DeliveryReport> deliver(WatchAlert alert, WatchChannels channels) {
        Uni<Optional<String>> email = channels.email().isPresent()
                ? mail(alert, channels.email().get(), AlertMailText.alert(alert, inboxUrl().toString()))
                : Uni.createFrom().item(Optional.empty());
        Uni<Optional<String>> webhook = channels.webhookUrl().isPresent()
                ? webhook(alert, channels)
                : Uni.createFrom().item(Optional.empty());
        return Uni.combine().all().unis(email, webhook).asTuple().map(both -> {
            List<String> failures = new ArrayList<>();
            both.getItem1().ifPresent(failures::add);
            both.getItem2().ifPresent(failures::add);
            String secret = channels.webhookSecret().orElse(null);
            Optional<String> failure = failures.isEmpty()
                    ? Optional.empty()
                    : Optional.of(hide(String.join("; ", failures), secret));
            boolean emailAttempted = channels.email().isPresent();
            boolean webhookAttempted = channels.webhookUrl().isPresent();
            DeliveryReport report = new DeliveryReport(emailAttempted, emailAttempted && both.getItem1().isEmpty(),
                    webhookAttempted, webhookAttempted && both.getItem2().isEmpty(), failure);
            if (report.failed()) {
                LOG.infof("alert %s of watch %s not delivered: %s", alert.alertId(), alert.watchId(),
                        failure.orElse(""));
            }
            return report;
        });
    }

    @Override
    public Uni<Void> tellPaused(WatchAlert lastAlert, WatchChannels channels, String reason) {
        if (channels.email().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String safeReason = hide(reason == null ? "" : reason, channels.webhookSecret().orElse(null));
        AlertMailText.Text text = AlertMailText.paused(lastAlert, safeReason, Instant.now(), inboxUrl().toString());
        return mail(lastAlert, channels.email().get(), text).invoke(failure -> failure
                .ifPresent(f -> LOG.infof("pause notice of watch %s not delivered: %s", lastAlert.watchId(), f)))
                .replaceWithVoid();
    }

    /** Sends one e-mail; empty when the SMTP server took it, else why not. */
    private Uni<Optional<String>> mail(WatchAlert alert, String to, AlertMailText.Text text) {
        if (emailRefusal(to).isPresent()) {
            return Uni.createFrom().item(Optional.of("e-mail address refused"));
        }
        Duration timeout = config.mail().timeout();
        Mail mail = Mail.withText(to, text.subject(), text.body()).setFrom(config.mail().from())
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("X-Alliance-Alert", alert.alertId().toString());
        return Uni.createFrom().deferred(() -> mailer.send(mail))
                .ifNoItem().after(timeout).fail()
                .onItemOrFailure().transform((ok, failure) -> {
                    if (failure == null) {
                        return Optional.<String>empty();
                    }
                    LOG.debugf("e-mail of alert %s: %s", alert.alertId(), failure.getClass().getName());
                    return Optional.of(failure instanceof io.smallrye.mutiny.TimeoutException
                            ? "e-mail not accepted by the SMTP server within " + timeout.toSeconds() + " s"
                            : "e-mail not accepted by the SMTP server (" + failure.getClass().getSimpleName() + ")");
                });
    }

    private Uni<Optional<String>> webhook(WatchAlert alert, WatchChannels channels) {
        if (channels.webhookSecret().isEmpty() || channels.webhookSecret().get().isEmpty()) {
            return Uni.createFrom().item(Optional.of("webhook has no secret"));
        }
        byte[] body = WebhookPayload.of(alert, inboxUrl()).json();
        return webhooks.send(channels.webhookUrl().get(), channels.webhookSecret().get(), alert.alertId().toString(),
                body).map(outcome -> outcome.failure());
    }

    /** The text without the secret, should it ever be in it. */
    private static String hide(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "[hidden]");
    }
}
