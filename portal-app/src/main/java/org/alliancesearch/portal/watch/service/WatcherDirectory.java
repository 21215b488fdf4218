package org.alliancesearch.portal.watch.service;

import java.util.Optional;
import java.util.Set;

import io.smallrye.mutiny.Uni;

/** Who a watcher is now, as the identity provider knows them: a watch runs under this, never under what was stored. */
public interface WatcherDirectory {

    /**
     * A user's current state.
     *
     * @param userName the current user name
     * @param enabled whether the account may sign in
     * @param roles the portal's realm roles held (member, admin)
     * @param organisation the organisation attribute, if set
     * @param email the e-mail address, if set and verified
     */
    record Watcher(String userName, boolean enabled, Set<String> roles, Optional<String> organisation,
            Optional<String> email) {
    }

    /** The user with this subject; empty when there is no such user. Fails when the directory cannot be asked. */
    Uni<Optional<Watcher>> find(String subject);
}
