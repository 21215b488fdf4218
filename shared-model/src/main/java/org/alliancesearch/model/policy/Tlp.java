package org.alliancesearch.model.policy;

/** Traffic Light Protocol levels, least restrictive first. {@code tlp:white} is read as {@link #CLEAR} (TLP 2.0). */
public enum Tlp {
    CLEAR, GREEN, AMBER, AMBER_STRICT, RED;
}
