package org.alliancesearch.portal.watch.service;

import java.util.Optional;

/** What the delivery did; a failed channel is counted towards pausing the watch. */
public record DeliveryReport(boolean emailAttempted, boolean emailDelivered, boolean webhookAttempted,
        boolean webhookDelivered, Optional<String> failure) {
    public boolean failed() {
        return (emailAttempted && !emailDelivered) || (webhookAttempted && !webhookDelivered);
    }
}
