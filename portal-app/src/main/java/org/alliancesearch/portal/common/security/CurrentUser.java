package org.alliancesearch.portal.common.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user of this request: name, organisation (token claim {@code org}) and roles. */
@RequestScoped
public class CurrentUser {
    /** The token claim that names the user's alliance organisation. */
    public static final String ORG_CLAIM = "org";

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean anonymous() {
        return identity.isAnonymous();
    }

    /** The user name shown on pages and written to the audit trail. */
    public String name() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String preferred = jwt.getClaim("preferred_username");
            if (preferred != null && !preferred.isBlank()) {
                return preferred;
            }
        }
        return identity.getPrincipal().getName();
    }

    /**
     * The token's subject ({@code sub}): the identity provider's stable id of the user, which stays when the user is
     * renamed and is never given to another user, unlike the user name. What a user owns is bound to it.
     */
    public String subject() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String sub = jwt.getSubject();
            if (sub != null && !sub.isBlank()) {
                return sub;
            }
        }
        // no subject claim (not a Keycloak token): the principal's name is all there is
        return identity.getPrincipal().getName();
    }

    public Optional<String> organisation() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object org = jwt.getClaim(ORG_CLAIM);
        String value = org == null ? null : org.toString().trim();
        // A claim from a JSON string may arrive quoted.
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean member() {
        return identity.hasRole(Roles.MEMBER) || admin();
    }
}
