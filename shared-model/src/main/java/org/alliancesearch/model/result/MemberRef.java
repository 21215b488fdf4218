package org.alliancesearch.model.result;

import java.util.Objects;

/**
 * The member instance a hit came from: enough to name it on a page and to link to its MISP, and nothing secret.
 *
 * @param id stable member id in the portal
 * @param name display name of the member instance
 * @param organisation the member's organisation as the admin named it (used as creator when a record does not reveal
 *        its {@code Orgc})
 * @param baseUrl the member MISP's base URL, without a trailing slash, for links to events
 * @param mispOrganisationUuid the uuid of the member's own MISP organisation (learned from {@code users/view/me}), or
 *        null while unknown
 * @param mispOrganisation the name of the member's own MISP organisation (learned likewise), or null while unknown
 */
public record MemberRef(String id, String name, String organisation, String baseUrl, String mispOrganisationUuid,
        String mispOrganisation) {
    public MemberRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organisation, "organisation");
    }

    /** A member whose own MISP organisation is not known yet: its organisation is the one the admin named. */
    public MemberRef(String id, String name, String organisation, String baseUrl) {
        this(id, name, organisation, baseUrl, null, null);
    }
}
