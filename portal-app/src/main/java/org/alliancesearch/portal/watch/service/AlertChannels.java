package org.alliancesearch.portal.watch.service;

import io.smallrye.mutiny.Uni;

/** Delivers a watch's alerts to its channels besides the inbox (e-mail, webhook). */
public interface AlertChannels {
    /** Delivers one alert; never fails, a channel that could not be reached is reported as not delivered. */
    Uni<DeliveryReport> deliver(WatchAlert alert, WatchChannels channels);

    /** Tells the owner that the watch was paused (after repeated delivery failures), where it still can. */
    Uni<Void> tellPaused(WatchAlert lastAlert, WatchChannels channels, String reason);
}
