package org.alliancesearch.portal.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start in production without the secrets that the demo profiles fill in: a clear message at start beats a
 * sign-in that fails later or sessions that other replicas cannot read.
 */
@ApplicationScoped
public class ProductionSettingsCheck {
    static final String CLIENT_SECRET = "quarkus.oidc.credentials.secret";
    static final String SESSION_SECRET = "quarkus.oidc.token-state-manager.encryption-secret";
    static final String AUDIT_VALUE_KEY = "alliance.search.audit.value-key";
    private static final List<String> DEMO_VALUES = List.of("portal-demo-secret",
            "demo-session-secret-change-me-0123456789abcdef");

    void onStart(@Observes StartupEvent event, Config config) {
        if (ConfigUtils.getProfiles().contains("prod")) {
            List<String> problems = problems(config.getOptionalValue(CLIENT_SECRET, String.class),
                    config.getOptionalValue(SESSION_SECRET, String.class));
            valueKeyProblem(config.getOptionalValue(AUDIT_VALUE_KEY, String.class)).ifPresent(problems::add);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The portal cannot start: " + String.join("; ", problems)
                        + ". See docs/operations.md.");
            }
        }
    }

    static List<String> problems(Optional<String> clientSecret, Optional<String> sessionSecret) {
        List<String> problems = new ArrayList<>();
        if (clientSecret.filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("set the OIDC client secret (QUARKUS_OIDC_CREDENTIALS_SECRET)");
        } else if (DEMO_VALUES.contains(clientSecret.get())) {
            problems.add("the OIDC client secret is the demo one; set QUARKUS_OIDC_CREDENTIALS_SECRET");
        }
        if (sessionSecret.filter(s -> s.length() >= 32).isEmpty()) {
            problems.add("set the session encryption secret shared by all replicas, 32 or more characters "
                    + "(QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET)");
        } else if (DEMO_VALUES.contains(sessionSecret.get())) {
            problems.add("the session encryption secret is the demo one; set "
                    + "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET");
        }
        return problems;
    }

    /** The secret of the search audit's value HMACs: required, 32 or more characters, no placeholder. */
    static Optional<String> valueKeyProblem(Optional<String> key) {
        String value = key.orElse("").strip();
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (value.length() < 32 || lower.contains("change-me") || lower.contains("changeme")
                || lower.startsWith("demo-") || lower.startsWith("dev-") || lower.startsWith("test-")) {
            return Optional.of("set the secret of the search audit's value hashes, 32 or more characters "
                    + "(ALLIANCE_SEARCH_AUDIT_VALUE_KEY)");
        }
        return Optional.empty();
    }
}
