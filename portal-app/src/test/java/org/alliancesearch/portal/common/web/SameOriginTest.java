package org.alliancesearch.portal.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameOriginTest {
    @Test
    void theOwnOriginMatchesWithOrWithoutItsDefaultPort() {
        assertThat(HttpFilters.sameOrigin("https://portal.example.org", "https", "portal.example.org", -1)).isTrue();
        assertThat(HttpFilters.sameOrigin("https://portal.example.org", "https", "portal.example.org", 443)).isTrue();
        assertThat(HttpFilters.sameOrigin("https://Portal.Example.org:443", "https", "portal.example.org", -1))
                .isTrue();
        assertThat(HttpFilters.sameOrigin("http://127.0.0.1:8080", "http", "127.0.0.1", 8080)).isTrue();
        assertThat(HttpFilters.sameOrigin("http://[::1]:8080", "http", "::1", 8080)).isTrue();
        assertThat(HttpFilters.sameOrigin("http://[::1]:8080", "http", "[::1]", 8080)).isTrue();
    }

    @Test
    void anotherSchemeHostOrPortIsAnotherOrigin() {
        assertThat(HttpFilters.sameOrigin("http://portal.example.org", "https", "portal.example.org", -1)).isFalse();
        assertThat(HttpFilters.sameOrigin("https://evil.example", "https", "portal.example.org", -1)).isFalse();
        assertThat(HttpFilters.sameOrigin("https://portal.example.org.evil.example", "https", "portal.example.org",
                -1)).isFalse();
        assertThat(HttpFilters.sameOrigin("https://sub.portal.example.org", "https", "portal.example.org", -1))
                .isFalse();
        assertThat(HttpFilters.sameOrigin("https://portal.example.org:8443", "https", "portal.example.org", -1))
                .isFalse();
        assertThat(HttpFilters.sameOrigin("null", "https", "portal.example.org", -1)).isFalse();
        assertThat(HttpFilters.sameOrigin("not a url", "https", "portal.example.org", -1)).isFalse();
        assertThat(HttpFilters.sameOrigin("", "https", "portal.example.org", -1)).isFalse();
    }
}
