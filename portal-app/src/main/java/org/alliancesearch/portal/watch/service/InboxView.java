package org.alliancesearch.portal.watch.service;

import java.time.Instant;
import java.util.List;

/** The inbox of one user: how many entries are unread, and the latest entries, newest first. */
public record InboxView(long unread, List<Item> entries) {

    /** One entry: an alert (kind ALERT) or a pause notice (kind PAUSED). */
    public record Item(String id, String watchId, String savedSearchId, String watchName, String kind,
            Instant createdAt, Instant readAt, AlertContent content) {
    }
}
