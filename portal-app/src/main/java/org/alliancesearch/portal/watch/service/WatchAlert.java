package org.alliancesearch.portal.watch.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** One alert of a watch, as delivered to its channels. */
public record WatchAlert(UUID alertId, UUID watchId, String watchName, String ownerName, Instant createdAt,
        boolean firstRun, List<String> newIndicators, List<WatchDiff.NewOrganisation> newOrganisations,
        List<String> failedMembers, Locale language, ZoneId zone) {
}
