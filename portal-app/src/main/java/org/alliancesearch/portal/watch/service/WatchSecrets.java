package org.alliancesearch.portal.watch.service;

import java.util.UUID;

/** Where a watch's webhook secret lives, as the associated data of its encryption (binds it to its watch). */
final class WatchSecrets {
    private WatchSecrets() {
    }

    static String context(UUID watchId) {
        return "watch/" + watchId + "/webhook-secret";
    }
}
