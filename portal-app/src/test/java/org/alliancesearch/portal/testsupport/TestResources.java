package org.alliancesearch.portal.testsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The test resources every @QuarkusTest shares (one boot for the whole suite): the embedded PostgreSQL and a
 * WireMock-based OIDC server whose keys sign the tokens of {@link Tokens}.
 */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
public final class TestResources {
    private TestResources() {
    }
}
