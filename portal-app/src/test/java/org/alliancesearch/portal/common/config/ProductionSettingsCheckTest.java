package org.alliancesearch.portal.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProductionSettingsCheckTest {
    private static final String CLIENT = ProductionSettingsCheck.CLIENT_SECRET;
    private static final String SESSION = ProductionSettingsCheck.SESSION_SECRET;
    private static final String CSRF = ProductionSettingsCheck.CSRF_KEY;
    private static final String KEY_K1 = ProductionSettingsCheck.CRYPTO_KEYS_PREFIX + "k1";
    private static final String DB_PASSWORD = ProductionSettingsCheck.DATASOURCE_PASSWORD;

    /** Settings a real deployment might have: random values of the right length. */
    private static Map<String, String> good() {
        Map<String, String> s = new HashMap<>();
        s.put(CLIENT, "t8Qf3kZp1LmN7vXw2RyB9cHd");
        s.put(SESSION, "Jq4vN8pL2xT6mR0wK5yB1zC7hF3dS9gA");
        s.put(CSRF, "Wm2Xc7Lp9Qz4Nt6Rv1Bk8Hy3Jd5Fs0Ga");
        s.put(KEY_K1, "3q2+7wT4lXo1m9JcP0aQyZ8sVbN6dR5uE2fK7hG1iLw=");
        s.put(DB_PASSWORD, "pG7!xQ2mZr9kLw4v");
        s.put(ProductionSettingsCheck.AUDIT_VALUE_KEY, "Zr5Kq8Vw1Nx3Ty7Lp0Bm4Hc9Jd2Fg6Sa");
        return s;
    }

    private static Set<String> demo() {
        return ProductionSettingsCheck.demoValues();
    }

    @Test
    void realSecretsPass() {
        assertThat(ProductionSettingsCheck.problems(good(), demo())).isEmpty();
    }

    @Test
    void missingSecretsAreNamedWithTheirEnvironmentVariable() {
        assertThat(ProductionSettingsCheck.problems(Map.of(), demo()))
                .anyMatch(p -> p.contains("QUARKUS_OIDC_CREDENTIALS_SECRET"))
                .anyMatch(p -> p.contains("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET"))
                .anyMatch(p -> p.contains("QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY"));
    }

    @Test
    void everyTemplatePlaceholderIsRefusedForEverySecret() {
        for (String property : new String[]{CLIENT, SESSION, CSRF, KEY_K1, DB_PASSWORD}) {
            for (String placeholder : new String[]{"change-me", "change-me-32-or-more-random-characters",
                    "CHANGEME-0123456789abcdef0123456789abcdef", "change_me_please_0123456789abcdef0123",
                    "example-secret-0123456789abcdef0123456789", "my-demo-secret-0123456789abcdef0123456789",
                    "change-me-base64-32-bytes", "secret", "password"}) {
                Map<String, String> s = good();
                s.put(property, placeholder);
                assertThat(ProductionSettingsCheck.problems(s, demo())).as("%s=%s", property, placeholder)
                        .anyMatch(p -> p.contains(ProductionSettingsCheck.envName(property)));
            }
        }
    }

    @Test
    void theDemoValuesOfApplicationPropertiesAreRefused() {
        assertThat(demo()).contains("portal-demo-secret", "demo-session-secret-change-me-0123456789abcdef",
                "ZGVtby1rZXktZm9yLWRldmVsb3BtZW50LW9ubHktMzI=");
        Map<String, String> s = good();
        s.put(CLIENT, "portal-demo-secret");
        s.put(SESSION, "test-session-secret-0123456789abcdef0123456789");
        s.put(KEY_K1, "b2xkLXRlc3Qta2V5LWZvci1yb3RhdGlvbi10ZXN0cyE=");
        assertThat(ProductionSettingsCheck.problems(s, demo())).hasSize(3);
    }

    @Test
    void aKeyWhoseBytesSpellAPlaceholderOrRepeatIsRefused() {
        Map<String, String> s = good();
        // base64 of "change-me-change-me-change-me-32"
        s.put(KEY_K1, "Y2hhbmdlLW1lLWNoYW5nZS1tZS1jaGFuZ2UtbWUtMzI=");
        assertThat(ProductionSettingsCheck.problems(s, demo())).anyMatch(p -> p.contains("ALLIANCE_CRYPTO_KEYS_K1"));
        s.put(KEY_K1, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThat(ProductionSettingsCheck.problems(s, demo())).anyMatch(p -> p.contains("ALLIANCE_CRYPTO_KEYS_K1"));
    }

    @Test
    void tooShortSecretsAreRefused() {
        Map<String, String> s = good();
        s.put(SESSION, "Jq4vN8pL2xT6mR0w");
        s.put(CSRF, "Wm2Xc7Lp9Qz4");
        s.put(CLIENT, "t8Qf3k");
        assertThat(ProductionSettingsCheck.problems(s, demo())).hasSize(3);
    }

    @Test
    void theCsrfKeyMustNotBeTheSessionSecret() {
        Map<String, String> s = good();
        s.put(CSRF, s.get(SESSION));
        assertThat(ProductionSettingsCheck.problems(s, demo()))
                .singleElement().asString().contains("QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY");
    }

    @Test
    void noProblemMessageRepeatsASecretValue() {
        Map<String, String> s = good();
        s.put(CLIENT, "portal-demo-secret");
        s.put(SESSION, "change-me-32-or-more-random-characters");
        assertThat(String.join("\n", ProductionSettingsCheck.problems(s, demo())))
                .doesNotContain("portal-demo-secret", "change-me-32-or-more-random-characters");
    }

    @Test
    void theAuditValueKeyIsRequiredAndNoPlaceholder() {
        Map<String, String> s = new HashMap<>(good());
        s.remove(ProductionSettingsCheck.AUDIT_VALUE_KEY);
        assertThat(String.join("\n", ProductionSettingsCheck.problems(s, demo())))
                .contains("ALLIANCE_SEARCH_AUDIT_VALUE_KEY");
        for (String bad : List.of("too-short", "change-me-change-me-change-me-change-me",
                "demo-search-audit-value-key-0123456789abcdef")) {
            s.put(ProductionSettingsCheck.AUDIT_VALUE_KEY, bad);
            assertThat(String.join("\n", ProductionSettingsCheck.problems(s, demo())))
                    .as(bad).contains("ALLIANCE_SEARCH_AUDIT_VALUE_KEY");
        }
        s.put(ProductionSettingsCheck.AUDIT_VALUE_KEY, "k3Jx9vQw2LmZp8RtYb5NcH7sDfGa4UeW");
        assertThat(ProductionSettingsCheck.problems(s, demo())).isEmpty();
    }
}
