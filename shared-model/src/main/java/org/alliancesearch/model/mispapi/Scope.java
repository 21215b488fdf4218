package org.alliancesearch.model.mispapi;

/** Which MISP search a request body is for: some filters mean another field on each. */
public enum Scope {
    /** {@code /attributes/restSearch}: one row per attribute. */
    ATTRIBUTES,
    /** {@code /events/restSearch}: whole events. */
    EVENTS
}
