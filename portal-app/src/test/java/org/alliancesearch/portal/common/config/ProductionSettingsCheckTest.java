package org.alliancesearch.portal.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionSettingsCheckTest {
    @Test
    void demoOrMissingSecretsAreNamed() {
        assertThat(ProductionSettingsCheck.problems(Optional.empty(), Optional.empty()))
                .anyMatch(p -> p.contains("QUARKUS_OIDC_CREDENTIALS_SECRET"))
                .anyMatch(p -> p.contains("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET"));
        assertThat(ProductionSettingsCheck.problems(Optional.of("portal-demo-secret"), Optional.of("short")))
                .hasSize(2).anyMatch(p -> p.contains("demo"));
        assertThat(ProductionSettingsCheck.problems(Optional.of("a-real-client-secret"),
                Optional.of("a-real-session-secret-with-more-than-32-chars"))).isEmpty();
    }

    @Test
    void theAuditValueKeyIsRequiredAndNoPlaceholder() {
        assertThat(ProductionSettingsCheck.valueKeyProblem(Optional.empty()))
                .hasValueSatisfying(p -> assertThat(p).contains("ALLIANCE_SEARCH_AUDIT_VALUE_KEY"));
        assertThat(ProductionSettingsCheck.valueKeyProblem(Optional.of("too-short"))).isPresent();
        assertThat(ProductionSettingsCheck.valueKeyProblem(Optional.of("change-me-change-me-change-me-change-me")))
                .isPresent();
        assertThat(ProductionSettingsCheck.valueKeyProblem(
                Optional.of("demo-search-audit-value-key-0123456789abcdef"))).isPresent();
        assertThat(ProductionSettingsCheck.valueKeyProblem(Optional.of("k3Jx9vQw2LmZp8RtYb5NcH7sDfGa4UeW")))
                .isEmpty();
    }
}
