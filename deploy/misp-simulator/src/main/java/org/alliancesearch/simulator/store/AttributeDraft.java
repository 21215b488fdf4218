package org.alliancesearch.simulator.store;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A MISP attribute as it enters a {@link MispStore} (see {@link EventDraft}). */
public final class AttributeDraft {
    public UUID uuid;
    public String type;
    public String category;
    public String value;
    public boolean toIds;
    public boolean deleted;
    public boolean disableCorrelation;
    public int distribution = 5;
    public long timestamp;
    public String comment = "";
    /** Index into {@link EventDraft#objects}, or -1 when the attribute is not part of an object. */
    public int objectIndex = -1;
    public String objectRelation;
    public final List<TagDraft> tags = new ArrayList<>();
}
