package org.alliancesearch.simulator.store;

/** A tag name and its colour. */
public record TagDraft(String name, String colour) {
    public TagDraft(String name) {
        this(name, null);
    }
}
