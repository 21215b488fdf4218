package org.alliancesearch.portal.common.web;

import io.smallrye.mutiny.Uni;

/** How many unread inbox entries a user has: the bell in the page header. */
public interface UnreadAlerts {
    Uni<Long> unread(String subject);
}
