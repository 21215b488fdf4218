package org.alliancesearch.portal.watch.service;

import java.time.Instant;

/** A watch as its owner sees it; the webhook secret is never part of it (only {@link CreatedWatch} has it, once). */
public record WatchView(String id, String savedSearchId, String savedSearchName, String interval, boolean inbox,
        boolean email, String webhookUrl, boolean paused, String pausedReason, int consecutiveFailures,
        Instant nextRunAt, Instant lastRunAt, Instant lastSuccessAt, String lastOutcome, String language,
        String timeZone, Instant createdAt, Instant updatedAt) {
}
