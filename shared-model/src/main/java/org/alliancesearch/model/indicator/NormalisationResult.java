package org.alliancesearch.model.indicator;

/**
 * The outcome of normalising one value: either a canonical value of some kind, or the reason it is invalid.
 *
 * @param input the value as given
 * @param kind the kind the value was read as (for an invalid value: the kind it looked like)
 * @param value the canonical value, or null when invalid
 * @param invalid why the value is invalid, or null when valid
 */
public record NormalisationResult(String input, ValueKind kind, String value, InvalidReason invalid) {

    static NormalisationResult valid(String input, ValueKind kind, String value) {
        return new NormalisationResult(input, kind, value, null);
    }

    static NormalisationResult invalid(String input, ValueKind kind, String code, String message) {
        return new NormalisationResult(input, kind, null, new InvalidReason(code, message));
    }

    /** Whether the value is valid. */
    public boolean isValid() {
        return invalid == null;
    }

    /** The canonical value, or the given fallback when the value is invalid. */
    public String valueOr(String fallback) {
        return invalid == null ? value : fallback;
    }
}
