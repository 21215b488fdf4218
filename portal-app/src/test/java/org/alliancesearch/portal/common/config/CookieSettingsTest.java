package org.alliancesearch.portal.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The prod profile's cookies: what browsers need to accept the __Host- prefix, read from application.properties. */
class CookieSettingsTest {
    @Test
    void theProductionCsrfCookieIsAHostCookie() throws IOException {
        Properties props = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        assertThat(props.getProperty("%prod.quarkus.rest-csrf.cookie-name")).startsWith("__Host-");
        // __Host- cookies must be Secure, have Path=/ and no Domain, or browsers drop them
        assertThat(props.getProperty("%prod.quarkus.rest-csrf.cookie-force-secure")).isEqualTo("true");
        assertThat(props.getProperty("%prod.quarkus.rest-csrf.cookie-path", "/")).isEqualTo("/");
        assertThat(props.stringPropertyNames()).noneMatch(n -> n.contains("rest-csrf.cookie-domain"));
        assertThat(props.getProperty("%prod.quarkus.oidc.authentication.cookie-force-secure")).isEqualTo("true");
        assertThat(props.stringPropertyNames()).noneMatch(n -> n.contains("oidc.authentication.cookie-domain"));
    }
}
