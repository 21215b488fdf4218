package org.alliancesearch.connector;

import java.util.Objects;

/** A member's MISP API key. Its {@link #toString()} never shows the key; only the HTTP client reads {@link #reveal()}. */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static ApiKey of(String value) {
        return new ApiKey(value);
    }

    /** The key itself, for the {@code Authorization} header only. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[****]";
    }
}
