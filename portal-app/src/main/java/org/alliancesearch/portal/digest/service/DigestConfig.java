package org.alliancesearch.portal.digest.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The weekly digest: when it is built, the window it covers, and how long its lists are. */
@ConfigMapping(prefix = "alliance.digest")
public interface DigestConfig {
    /**
     * When the weekly build runs (Quartz-style cron, in the server's zone; Mondays at 06:00 by default), or {@code off}
     * to build only on an administrator's demand. Building twice in one week, or on several replicas at once, leaves
     * one stored digest for the week.
     */
    @WithDefault("0 0 6 ? * MON")
    String cron();

    /** The window the digest covers, ending when it is built, as an ISO-8601 duration (seven days by default). */
    @WithDefault("P7D")
    Duration window();

    /** Shared indicators listed at most (their total is still given). */
    @WithDefault("200")
    int maxIndicators();

    /** Tags, and galaxy clusters, listed at most (each). */
    @WithDefault("20")
    int maxRanked();

    /** The weekly digest by e-mail to the users who asked for it ({@code alliance.digest.mail.*}). */
    Mail mail();

    /**
     * The digest e-mail. The SMTP server is Quarkus Mailer's ({@code quarkus.mailer.*}); the sender, the deadline of
     * one e-mail and the portal's address the links use are the alert e-mails' ({@code alliance.watch.delivery.*}).
     */
    interface Mail {
        /**
         * How often the cluster looks for digest e-mails still owed (one clustered job; a failed e-mail is tried again
         * then), as a duration ({@code 15m}), or {@code off}. Read by the scheduler from the configuration itself.
         */
        @WithDefault("15m")
        String sweep();

        /** Tries in all for one subscriber's e-mail of one week (the first and the retries); at least 1. */
        @WithDefault("5")
        int maxAttempts();

        /**
         * How long after the weekly job built a week's digest its e-mail is still sent (to a subscriber that was
         * owed it: a retry, a replica down, a new subscriber); after it, the week is left to the page.
         */
        @WithDefault("P2D")
        Duration sendWithin();

        /** The most e-mails one sweep sends; the rest wait for the next sweep. */
        @WithDefault("500")
        int sweepBatch();

        /**
         * An e-mail taken by a sweep that never said how it ended (its replica died) is taken again after this long
         * (and may then arrive twice: the SMTP server may have taken the first).
         */
        @WithDefault("PT30M")
        Duration staleAfter();
    }
}
