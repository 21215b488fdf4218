package org.alliancesearch.portal.common.security;

/**
 * The {@code SecurityIdentity} attributes of a caller authenticated by something other than a token (a personal API
 * key on the MISP-compatible paths). {@link CurrentUser} reads them, so a key caller has the same name, subject,
 * organisation and roles as its owner had at their last sign-in.
 */
public final class IdentityAttributes {
    /** The owner's token subject ({@code sub}). */
    public static final String SUBJECT = "alliance.subject";
    /** The owner's organisation as recorded at their last sign-in (never null for a key identity). */
    public static final String ORGANISATION = "alliance.organisation";
    /** The owner's e-mail address as recorded at their last sign-in, if their token had one. */
    public static final String EMAIL = "alliance.email";
    /** The id (uuid, as text) of the personal API key the request was authenticated with. */
    public static final String API_KEY_ID = "alliance.api-key-id";

    private IdentityAttributes() {
    }
}
