package org.alliancesearch.portal.watch.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** Used while no e-mail or webhook delivery is installed: alerts reach the inbox only, nothing is attempted. */
@DefaultBean
@ApplicationScoped
public class InboxOnlyChannels implements AlertChannels {
    @Override
    public Uni<DeliveryReport> deliver(WatchAlert alert, WatchChannels channels) {
        return Uni.createFrom().item(new DeliveryReport(false, false, false, false, Optional.empty()));
    }

    @Override
    public Uni<Void> tellPaused(WatchAlert lastAlert, WatchChannels channels, String reason) {
        return Uni.createFrom().voidItem();
    }
}
