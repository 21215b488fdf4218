package org.alliancesearch.model.result;

import java.util.Objects;

/**
 * The member instance a hit came from: enough to name it on a page and to link to its MISP, and nothing secret.
 *
 * @param id stable member id in the portal
 * @param name display name of the member instance
 * @param organisation the member's organisation (used as creator when a record does not reveal its {@code Orgc})
 * @param baseUrl the member MISP's base URL, without a trailing slash, for links to events
 */
public record MemberRef(String id, String name, String organisation, String baseUrl) {
    public MemberRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organisation, "organisation");
    }
}
