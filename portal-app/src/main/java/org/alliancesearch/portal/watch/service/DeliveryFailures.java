package org.alliancesearch.portal.watch.service;

/**
 * Counts a watch's consecutive failed webhook deliveries: a delivered alert resets the count; at {@link #PAUSE_AFTER}
 * the watch is paused and its owner told in the inbox.
 */
public final class DeliveryFailures {
    public static final int PAUSE_AFTER = 5;

    private DeliveryFailures() {
    }

    public static int next(int consecutiveFailures, boolean delivered) {
        return delivered ? 0 : consecutiveFailures + 1;
    }

    public static boolean pauseDue(int consecutiveFailures) {
        return consecutiveFailures >= PAUSE_AFTER;
    }
}
