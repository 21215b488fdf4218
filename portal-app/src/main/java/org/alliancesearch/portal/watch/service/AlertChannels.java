package org.alliancesearch.portal.watch.service;

import io.smallrye.mutiny.Uni;

/** Delivers alerts on e-mail and webhook; the inbox is the watch core's own. */
public interface AlertChannels {
    Uni<DeliveryReport> deliver(WatchAlert alert, WatchChannels channels);
    Uni<Void> tellPaused(WatchAlert lastAlert, WatchChannels channels, String reason);
}
