package org.alliancesearch.simulator.store;

import java.util.UUID;

/** A MISP object header (its attributes point at it through {@link AttributeDraft#objectIndex}). */
public final class ObjectDraft {
    public UUID uuid;
    public String name = "";
    public String metaCategory = "";
    public String description = "";
    public String templateUuid = "";
    public String templateVersion = "1";
    public int distribution = 5;
    public long timestamp;
    public String comment = "";
}
