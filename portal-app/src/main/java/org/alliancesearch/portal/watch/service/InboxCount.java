package org.alliancesearch.portal.watch.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.web.UnreadAlerts;
import org.alliancesearch.portal.watch.persistence.InboxRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The bell's count: unread inbox entries of a user (one indexed count per page). */
@ApplicationScoped
public class InboxCount implements UnreadAlerts {
    private final InboxRepository inbox;

    public InboxCount(InboxRepository inbox) {
        this.inbox = inbox;
    }

    @Override
    public Uni<Long> unread(String subject) {
        return Panache.withSession(() -> inbox.unread(subject));
    }
}
