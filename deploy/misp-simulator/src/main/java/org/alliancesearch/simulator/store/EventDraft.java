package org.alliancesearch.simulator.store;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A MISP event as it enters a {@link MispStore}: plain mutable fields, used only while loading or generating. The
 * store copies it into its compact columns and keeps no reference.
 */
public final class EventDraft {
    public UUID uuid;
    public String info = "";
    /** Event date as epoch day. */
    public long dateEpochDay;
    /** Creator organisation ({@code Orgc}); {@code null} means the instance's own organisation. */
    public Organisation orgc;
    public int distribution = 1;
    public int threatLevelId = 2;
    public int analysis = 2;
    public boolean published;
    public long timestamp;
    public long publishTimestamp;
    public final List<TagDraft> tags = new ArrayList<>();
    public final List<AttributeDraft> attributes = new ArrayList<>();
    public final List<ObjectDraft> objects = new ArrayList<>();
}
