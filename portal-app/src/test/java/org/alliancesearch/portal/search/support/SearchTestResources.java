package org.alliancesearch.portal.search.support;

import io.quarkus.test.common.QuarkusTestResource;

/** The WireMock members, started once for the whole suite (like the other shared test resources). */
@QuarkusTestResource(value = MispMembers.class, restrictToAnnotatedClass = false)
public final class SearchTestResources {
    private SearchTestResources() {
    }
}
