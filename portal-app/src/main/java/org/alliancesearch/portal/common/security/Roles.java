package org.alliancesearch.portal.common.security;

/** Realm roles of the portal. Admins hold {@link #MEMBER} too. */
public final class Roles {
    public static final String MEMBER = "member";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
