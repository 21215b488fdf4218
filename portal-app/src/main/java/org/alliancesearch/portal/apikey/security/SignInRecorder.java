package org.alliancesearch.portal.apikey.security;

import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.portal.apikey.service.PortalUsers;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;

/**
 * Records who signed in (session or bearer token) with which organisation and roles, so that their API keys act with
 * the same. Writes only on change or every few minutes (see {@link PortalUsers}); a key caller is not recorded (it is
 * its owner as recorded).
 */
public class SignInRecorder {
    private final CurrentUser user;
    private final PortalUsers users;

    public SignInRecorder(CurrentUser user, PortalUsers users) {
        this.user = user;
        this.users = users;
    }

    /** Before matching: still on the event loop (Hibernate Reactive), whether the endpoint blocks or not. */
    @ServerRequestFilter(preMatching = true)
    public Uni<Void> record() {
        if (user.anonymous() || user.apiKeyId().isPresent()) {
            return Uni.createFrom().voidItem();
        }
        List<String> roles = new ArrayList<>();
        if (user.member()) {
            roles.add(Roles.MEMBER);
        }
        if (user.admin()) {
            roles.add(Roles.ADMIN);
        }
        return users.record(new PortalUsers.Seen(user.subject(), user.name(), user.email().orElse(null),
                user.organisation().orElse(null), String.join(",", roles)));
    }
}
