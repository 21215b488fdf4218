package org.alliancesearch.portal.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.alliancesearch.portal.common.crypto.CryptoConfig;
import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start in production with a secret that is missing, too short, a placeholder of the deployment templates
 * ({@code change-me…}, {@code example}, {@code demo}, …) or one of the demo/dev/test values of application.properties:
 * the OIDC client secret, the session encryption secret, the CSRF signing key (which must differ from the session
 * secret), every secrets-at-rest key and the database password. A clear message at start beats a deployment whose
 * sessions, forms or stored API keys are protected by a value published in this repository. Messages name the
 * setting, never its value.
 */
@ApplicationScoped
public class ProductionSettingsCheck {
    static final String CLIENT_SECRET = "quarkus.oidc.credentials.secret";
    static final String SESSION_SECRET = "quarkus.oidc.token-state-manager.encryption-secret";
    static final String CSRF_KEY = "quarkus.rest-csrf.token-signature-key";
    static final String DATASOURCE_PASSWORD = "quarkus.datasource.password";
    static final String CRYPTO_KEYS_PREFIX = "alliance.crypto.keys.";
    static final String AUDIT_VALUE_KEY = "alliance.search.audit.value-key";

    /** Required secrets and their least length. */
    private static final Map<String, Integer> REQUIRED = Map.of(CLIENT_SECRET, 16, SESSION_SECRET, 32, CSRF_KEY, 32,
            AUDIT_VALUE_KEY, 32);
    /** Words that only a template, an example or a demo puts into a secret (compared without punctuation or case). */
    private static final List<String> PLACEHOLDER_WORDS = List.of("changeme", "example", "demo", "placeholder",
            "replaceme", "yoursecret", "notasecret", "insecure", "default", "sample");
    private static final Set<String> PLACEHOLDER_VALUES = Set.of("secret", "password", "passw0rd", "changeit", "test",
            "admin", "portal", "alliance", "keycloak", "postgres", "123456", "12345678");
    /** Fewer distinct characters than this is a typed pattern, not a random value. */
    private static final int MIN_DISTINCT_CHARACTERS = 8;

    void onStart(@Observes StartupEvent event, Config config, CryptoConfig crypto) {
        if (ConfigUtils.getProfiles().contains("prod")) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String name : List.of(CLIENT_SECRET, SESSION_SECRET, CSRF_KEY, AUDIT_VALUE_KEY, DATASOURCE_PASSWORD)) {
                config.getOptionalValue(name, String.class).ifPresent(v -> settings.put(name, v));
            }
            crypto.keys().forEach((id, value) -> settings.put(CRYPTO_KEYS_PREFIX + id, value));
            List<String> problems = problems(settings, demoValues());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The portal cannot start: " + String.join("; ", problems)
                        + ". See docs/operations.md.");
            }
        }
    }

    /**
     * What is wrong with the secrets among {@code settings} (property name → value; a missing required secret is
     * absent), as messages naming the environment variable to set.
     */
    static List<String> problems(Map<String, String> settings, Set<String> demoValues) {
        List<String> problems = new ArrayList<>();
        REQUIRED.keySet().stream().sorted().forEach(name -> {
            String value = settings.get(name);
            if (value == null || value.isBlank()) {
                problems.add("set " + name + " (" + envName(name) + ")");
            }
        });
        settings.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (value.isEmpty()) {
                return;
            }
            String problem = problem(name, value, demoValues);
            if (problem != null) {
                problems.add(name + " (" + envName(name) + ") " + problem);
            }
        });
        String session = settings.get(SESSION_SECRET);
        String csrf = settings.get(CSRF_KEY);
        if (session != null && !session.isBlank() && session.equals(csrf)) {
            problems.add(CSRF_KEY + " (" + envName(CSRF_KEY) + ") must not be the session encryption secret: set a "
                    + "separate random value");
        }
        return problems;
    }

    private static String problem(String name, String value, Set<String> demoValues) {
        if (demoValues.contains(value)) {
            return "is a demo value of this repository; generate a random one";
        }
        if (isPlaceholder(value)) {
            return "is a placeholder; generate a random value (e.g. openssl rand -base64 32)";
        }
        Integer least = REQUIRED.get(name);
        if (least != null && value.length() < least) {
            return "is too short: use " + least + " or more random characters";
        }
        if (name.startsWith(CRYPTO_KEYS_PREFIX)) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                return null; // SecretCipher refuses it with its own message
            }
            if (isPlaceholder(new String(bytes, StandardCharsets.ISO_8859_1))
                    || distinct(bytes) < MIN_DISTINCT_CHARACTERS) {
                return "is not random; generate one with openssl rand -base64 32";
            }
        }
        return null;
    }

    static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        String letters = lower.replaceAll("[^a-z0-9]", "");
        if (PLACEHOLDER_VALUES.contains(lower) || PLACEHOLDER_VALUES.contains(letters)) {
            return true;
        }
        for (String word : PLACEHOLDER_WORDS) {
            if (letters.contains(word)) {
                return true;
            }
        }
        return value.chars().distinct().count() < MIN_DISTINCT_CHARACTERS;
    }

    private static long distinct(byte[] bytes) {
        Set<Byte> seen = new HashSet<>();
        for (byte b : bytes) {
            seen.add(b);
        }
        return seen.size();
    }

    /** The values the dev, demo and test profiles of application.properties give to any setting: never secret. */
    static Set<String> demoValues() {
        Set<String> values = new HashSet<>();
        Properties props = new Properties();
        try (InputStream in = ProductionSettingsCheck.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the placeholder rules still apply
        }
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith("%") && !name.startsWith("%prod.")) {
                String value = props.getProperty(name).trim();
                if (value.length() >= 6 && !value.contains("${")) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** MicroProfile Config's environment variable name of a property. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
