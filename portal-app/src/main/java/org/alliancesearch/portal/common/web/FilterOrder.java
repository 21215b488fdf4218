package org.alliancesearch.portal.common.web;

/**
 * The order of the portal's HTTP filters, in one place (a higher number runs first; CORS is 300, authentication 200).
 * Each runs before the next for a reason: the remembered language must be in {@code Accept-Language} before any filter
 * writes a text; the security headers must be on every answer, refusals included; the API's missing bearer is refused
 * before a page rule could answer; a cross-site page change is refused before sign-in could redirect; and sign-in
 * being unavailable is said before authentication tries Keycloak.
 */
public final class FilterOrder {
    /** The language choice (cookie) becomes the request's {@code Accept-Language}. */
    public static final int LANGUAGE_CHOICE = 295;
    /** CSP and the other security headers. */
    public static final int SECURITY_HEADERS = 290;
    /** The API without a bearer token, the MISP paths without a key. */
    public static final int BEARER_REQUIRED = 280;
    /** Page changes from the portal's own pages only, as forms. */
    public static final int PAGE_CHANGES = 270;
    /** Sign-in unavailable while Keycloak is out of reach. */
    public static final int SIGN_IN_UNAVAILABLE = 260;

    private FilterOrder() {
    }
}
