package org.alliancesearch.portal.apikey.service;

import org.alliancesearch.portal.common.security.IdentityAttributes;

/**
 * The contract of a caller authenticated with a personal API key (mechanism {@value #MECHANISM}): the principal's name
 * is the owner's user name; the roles are the owner's portal roles as recorded at their last sign-in ({@code member},
 * {@code admin}); these attributes carry the rest. {@code CurrentUser} reads them, so {@code Searcher.of(currentUser)}
 * works unchanged for key callers.
 */
public final class ApiKeyIdentity {
    /** The name of the authentication mechanism, as used by {@code quarkus.http.auth.permission.*.auth-mechanism}. */
    public static final String MECHANISM = "misp-key";
    /** The owner's token subject ({@code sub}), a String. */
    public static final String SUBJECT = IdentityAttributes.SUBJECT;
    /** The owner's organisation, a String. */
    public static final String ORGANISATION = IdentityAttributes.ORGANISATION;
    /** The owner's e-mail address, a String, blank when their token had none. */
    public static final String EMAIL = IdentityAttributes.EMAIL;
    /** The key's id (uuid as text), a String. */
    public static final String KEY_ID = IdentityAttributes.API_KEY_ID;

    private ApiKeyIdentity() {
    }
}
