package org.alliancesearch.model.misp;

/** A MISP record that cannot be read; the caller skips and counts it, never fails the whole answer. */
public class MispFormatException extends RuntimeException {
    public MispFormatException(String message) {
        super(message);
    }
}
