package org.alliancesearch.portal.watch.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How watch alerts leave the portal by e-mail and webhook ({@code alliance.watch.delivery.*}, see docs/operations.md).
 * The SMTP server itself is Quarkus Mailer's ({@code quarkus.mailer.*}). Each channel has a deadline, so that an alert
 * never waits on a silent server for longer than configured.
 */
@ConfigMapping(prefix = "alliance.watch.delivery")
public interface DeliveryConfig {
    /**
     * The portal's address as users reach it (e.g. {@code https://portal.alliance.example}); alert e-mails link to
     * the inbox under it.
     */
    @WithDefault("http://127.0.0.1:8080")
    URI portalBaseUrl();

    Mail mail();

    Webhook webhook();

    /** Alert e-mails. */
    interface Mail {
        /** The sender of alert e-mails. */
        @WithDefault("alliance-portal@localhost")
        String from();

        /**
         * The longest one e-mail may take to hand to the SMTP server, connection and TLS included; after it the
         * delivery counts as failed.
         */
        @WithDefault("PT30S")
        Duration timeout();
    }

    /** Alert webhooks. */
    interface Webhook {
        /** One try: connection, request and answer. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Tries in all (the first and the retries); at least 1. */
        @WithDefault("4")
        int tries();

        /** The pause after the first failed try; doubled after each further one. */
        @WithDefault("PT2S")
        Duration firstBackoff();

        /** The longest pause between two tries. */
        @WithDefault("PT60S")
        Duration maxBackoff();

        /** The most of a receiver's answer that is read (it is not used; beyond it the connection is closed). */
        @WithDefault("65536")
        long maxResponseBytes();
    }
}
