package org.alliancesearch.portal.common.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user of this request: name, organisation (token claim {@code org}) and roles. A caller with a personal
 * API key (MISP-compatible paths) is its key's owner: the name, subject, organisation and roles recorded at the owner's
 * last sign-in (see {@link IdentityAttributes}).
 */
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
        String keyOwner = identity.getAttribute(IdentityAttributes.SUBJECT);
        if (keyOwner != null) {
            return keyOwner;
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
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        String recorded = identity.getAttribute(IdentityAttributes.ORGANISATION);
        if (recorded != null) {
            return recorded.isBlank() ? Optional.empty() : Optional.of(recorded);
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
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

    /** The user's e-mail address: the token's {@code email} claim, or the one recorded for a key's owner. */
    public Optional<String> email() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        String recorded = identity.getAttribute(IdentityAttributes.EMAIL);
        if (recorded != null) {
            return recorded.isBlank() ? Optional.empty() : Optional.of(recorded);
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object email = jwt.getClaim("email");
            String value = email == null ? null : email.toString().trim();
            if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }
        return Optional.empty();
    }

    /** The id of the personal API key this request was authenticated with; empty for a token or a session. */
    public Optional<String> apiKeyId() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.<String>getAttribute(IdentityAttributes.API_KEY_ID));
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean member() {
        return identity.hasRole(Roles.MEMBER) || admin();
    }
}
