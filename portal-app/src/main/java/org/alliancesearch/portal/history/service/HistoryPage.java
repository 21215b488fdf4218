package org.alliancesearch.portal.history.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of my searches, newest first.
 *
 * @param next the {@code before} that reads the next (older) page, or null when this is the last
 */
public record HistoryPage(List<HistoryEntryView> entries,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant next) {
}
