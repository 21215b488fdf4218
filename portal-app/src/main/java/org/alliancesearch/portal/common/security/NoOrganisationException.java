package org.alliancesearch.portal.common.security;

/** The signed-in user has no {@code org} claim and may do nothing but read the page that says so. */
public class NoOrganisationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoOrganisationException() {
        super("no organisation", null, false, false);
    }
}
