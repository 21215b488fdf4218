package org.alliancesearch.model.misp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Reads one MISP attribute ({@code response.Attribute[i]} of {@code attributes/restSearch}) straight from the parser's
 * tokens as they arrive, without a JSON tree: reading answers was most of the portal's CPU, and building a tree per
 * record and then reading it again was a third of that. Gives exactly what {@link MispStringCaps#apply} followed by
 * {@link MispJson#attribute} gives on the tree of the same tokens (the reference, kept for the other callers and for
 * the property test that holds the two together): duplicate keys (the last one wins, whole objects and arrays too),
 * numbers as Jackson's nodes write them, strings cut to their caps.
 *
 * <p>
 * Push-driven, for the non-blocking parser: {@link #add} is called once per token (never with
 * {@code NOT_AVAILABLE}), starting with the element's first token, and says when the element is complete; the reader
 * never pulls ahead or skips children through the parser. Only the values {@link MispJson} reads are taken from the
 * parser; other fields and nested structures pass by with a depth count, their text never made. Reusable: the next
 * first token starts the next element.
 */
public final class MispAttributeReader {
    /**
     * The values of an attribute that MISP repeats from one attribute to the next, byte for byte: the event context
     * and the tag list. A caller that sees the same bytes again after the same field name may pass over them and
     * call {@link #repeat}: the reader then takes what it read from them last time.
     */
    public enum Part {
        EVENT, TAGS
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for an object or array value where a scalar is read: {@link MispJson} treats both alike. */
    private static final JsonNode CONTAINER = NODES.objectNode();

    // Where the reader is: the stack of open structures it reads (skipped ones are only counted in skip).
    private static final byte ATTRIBUTE = 0;
    private static final byte TAGS = 1;
    private static final byte TAG = 2;
    private static final byte EVENT = 3;
    private static final byte EVENT_TAGS = 4;
    private static final byte EVENT_TAG = 5;
    private static final byte ORGC = 6;
    private static final byte ORG = 7;
    private static final byte SIGHTINGS = 8;
    private static final byte SIGHTING = 9;
    /** The element is not an object: its tokens pass by, and it cannot be read. */
    private static final byte NOT_OBJECT = 10;

    // The attribute's scalar fields, each slot a String (a JSON string) or a JsonNode (anything else); null: absent.
    private static final int ID = 0;
    private static final int UUID = 1;
    private static final int EVENT_ID = 2;
    private static final int OBJECT_ID = 3;
    private static final int OBJECT_RELATION = 4;
    private static final int CATEGORY = 5;
    private static final int TYPE = 6;
    private static final int VALUE = 7;
    private static final int TO_IDS = 8;
    private static final int TIMESTAMP = 9;
    private static final int FIRST_SEEN = 10;
    private static final int LAST_SEEN = 11;
    private static final int DISTRIBUTION = 12;
    private static final int COMMENT = 13;
    private static final int DELETED = 14;
    // The event's.
    private static final int E_ID = 0;
    private static final int E_UUID = 1;
    private static final int E_INFO = 2;
    private static final int E_DATE = 3;
    private static final int E_THREAT_LEVEL = 4;
    private static final int E_PUBLISHED = 5;
    private static final int E_TIMESTAMP = 6;
    private static final int E_DISTRIBUTION = 7;

    /** Not one of the attribute's scalar fields ({@link #slot}). */
    private static final int NONE = -1;
    // The structures a run of fields may take from the last element (runSlot), besides the scalar fields.
    private static final int RUN_EVENT = -2;
    private static final int RUN_TAGS = -3;
    // The event context's structures the reader reads (eventSlot), besides its scalar fields (E_ID...).
    private static final int E_ORGC_FIELD = -2;
    private static final int E_ORG_FIELD = -3;
    private static final int E_TAGS_FIELD = -4;

    // Slots of the strings kept from the last element (see string()): the attribute's fields by their slot, then the
    // event's, the organisations', and the first tags of each list by position.
    /** A string not kept (unique per element, such as the id and the uuid). */
    private static final int NOT_KEPT = -1;
    private static final int R_EVENT = 15;
    private static final int R_ORGC_NAME = R_EVENT + 8;
    private static final int R_ORGC_UUID = R_ORGC_NAME + 1;
    private static final int R_ORG_NAME = R_ORGC_UUID + 1;
    private static final int R_TAGS = R_ORG_NAME + 1;
    private static final int KEPT_TAGS = 8;
    private static final int R_EVENT_TAGS = R_TAGS + KEPT_TAGS;
    private static final int RECENT_SLOTS = R_EVENT_TAGS + KEPT_TAGS;
    /** Longer strings are never compared with the last element's: they are rarely repeated and costly to compare. */
    private static final int RECENT_MAX_LENGTH = 256;

    private final MispStringCaps caps;
    /**
     * The strings the last elements had in each slot. MISP repeats most of an attribute's strings in the next one (the
     * whole event context, type, category, tags): the parser's characters are compared with the kept string, and only
     * a different one is made into a new String; making them was an eighth of the portal's reading time and much of
     * its garbage.
     */
    private final String[] recent = new String[RECENT_SLOTS];

    private byte[] stack = new byte[8];
    private int depth;
    private int skip;
    private String field;
    private boolean complete;

    private final Object[] attribute = new Object[15];
    private final Tags tags = new Tags(false);

    private boolean hasEvent;
    private final EventValues eventValues = new EventValues();
    private final Tags eventTags = new Tags(true);
    // Whether the event context being read has one of the fields it reads twice (its scalars, Orgc, Org, Tag), and
    // whether the next value at its level is that of a run of its fields passed over (repeatEventFields).
    private boolean eventFieldTwice;
    private boolean sawOrgc;
    private boolean sawOrg;
    private boolean sawEventTags;
    private boolean repeatingEventFields;
    private final RunSlots eventRunSlots = new RunSlots(MispAttributeReader::eventSlot);

    // The event last made, and what it was made of: the attributes of one event come one after another, each with a
    // copy of its context, and making the event again (dates, tags) was a large part of what is left.
    private MispEvent lastEvent;
    private final EventValues lastEventValues = new EventValues();
    private List<MispTag> lastEventTags;

    // The texts of the last timestamp, first_seen and last_seen made into times, and those times.
    private final Object[] lastTimeTexts = new Object[3];
    private final java.time.Instant[] lastTimes = new java.time.Instant[3];

    // The part whose field name (at the attribute's level) was the last token, the part whose value the last token
    // ended, and the part whose next value repeats the last one read.
    private Part named;
    private Part ended;
    private Part repeating;
    // What the last event context and tag list read in full held.
    private final EventValues keptEventValues = new EventValues();
    private KeptTags keptEventTags = KeptTags.NONE;
    // Whether an event context was read to its end and had each of the fields it reads once: only then do the kept
    // values say what a run of its fields repeated in the next context holds.
    private boolean keptEventRepeatable;
    private KeptTags keptTags = KeptTags.NONE;

    // The attribute's scalar fields as the last element read as an object ended with them, whether the element being
    // read has one of them twice, and whether the next value is that of a run of fields passed over (repeatFields).
    private final Object[] lastAttribute = new Object[15];
    private boolean lastIsAttribute;
    // The event context and the tag list that element ended with (what a run passing over them takes; the ones read
    // last may be this element's own, read before a repeated key).
    private final EventValues lastEventContext = new EventValues();
    private List<MispTag> lastEventContextTags = List.of();
    private boolean lastEventContextTagsCut;
    private List<MispTag> lastTags = List.of();
    private boolean lastTagsCut;
    private boolean fieldTwice;
    private boolean sawEvent;
    private boolean sawTags;
    private boolean repeatingFields;
    private final RunSlots runSlots = new RunSlots(MispAttributeReader::runSlot);

    private int sightings;
    private Set<String> seenSightings;
    private Object sightingType;
    private Object sightingUuid;
    private Object sightingId;

    public MispAttributeReader(MispStringCaps caps) {
        this.caps = caps == null ? MispStringCaps.none() : caps;
    }

    /**
     * Takes the parser's current token of the element; the first call after a complete element (or after
     * {@link #reset}) starts a new one.
     *
     * @return true when this token completed the element: {@link #attribute} and {@link #truncated} are ready
     */
    public boolean add(JsonParser p, JsonToken t) throws IOException {
        named = null;
        ended = null;
        if (depth == 0 && skip == 0) {
            return start(t);
        }
        if (skip > 0) {
            if (t.isStructStart()) {
                skip++;
            } else if (t.isStructEnd() && --skip == 0 && depth == 0) {
                // A non-object element (an array) ended.
                complete = true;
                return true;
            }
            return false;
        }
        switch (t) {
            case FIELD_NAME -> {
                field = p.currentName();
                if (depth == 1) {
                    named = "Event".equals(field) ? Part.EVENT : "Tag".equals(field) ? Part.TAGS : null;
                }
            }
            case END_OBJECT, END_ARRAY -> {
                return end();
            }
            default -> value(p, t);
        }
        return false;
    }

    /** Forgets a partly read element (the read was cut). */
    public void reset() {
        depth = 0;
        skip = 0;
        complete = false;
        repeating = null;
        repeatingFields = false;
        lastIsAttribute = false;
    }

    /**
     * Whether the token just added was at the attribute's own level: one of its field names, or a scalar value of one
     * of its fields (also the end of a structure that was one).
     */
    public boolean atAttributeLevel() {
        return depth == 1 && skip == 0;
    }

    /**
     * Whether a field of this name, at the attribute's level and with a scalar value, may be passed over in a run
     * ({@link #repeatFields}): every name but those of the structures the reader reads ({@code Event}, {@code Tag},
     * {@code Sighting}). Of those, the event context and the tag list may be part of a run too when they were read
     * in full, or restored ({@link #repeat}), as the structures they are ({@link #named}); the sightings never.
     */
    public static boolean repeatable(String field) {
        return !"Event".equals(field) && !"Tag".equals(field) && !"Sighting".equals(field);
    }

    /**
     * Whether the element being read, or the one just completed, has one of the attribute's scalar fields, its event
     * context or its tag list more than once. Only an element without may be the one a run of fields repeats: its
     * values of those fields are then exactly those the run's bytes gave.
     */
    public boolean hasAFieldTwice() {
        return fieldTwice;
    }

    /**
     * Whether the token just added was at the event context's own level (read in full): its opening brace, one of its
     * field names, or the end of one of its values (a scalar, or the last token of a structure).
     */
    public boolean atEventLevel() {
        return depth == 2 && skip == 0 && stack[1] == EVENT;
    }

    /**
     * Whether the event context being read, or the one just read, has one of the fields the reader reads in it more
     * than once. Only a context without may be the one a run of its fields repeats.
     */
    public boolean hasAnEventFieldTwice() {
        return eventFieldTwice;
    }

    /**
     * Right after the field name {@code names[from]} at the event context's level ({@link #atEventLevel}): the bytes of
     * its value and of the fields {@code names[from + 1..to]} after it are those the last event context read in full
     * had there, and that context had none of the fields the reader reads twice ({@link #hasAnEventFieldTwice}); they
     * come as any one structure (its tokens are passed by), and the reader takes what those fields gave in that
     * context. Any value of any field gives the same whatever came before it in its context, so every field may be
     * part of such a run.
     */
    public void repeatEventFields(String[] names, int from, int to) {
        if (!atEventLevel() || !names[from].equals(field)) {
            throw new IllegalStateException("not at a field name of an event context");
        }
        if (!keptEventRepeatable) {
            throw new IllegalStateException("no event context read before with each of its fields once");
        }
        EventValues kept = keptEventValues;
        for (int i = from; i <= to; i++) {
            int slot = eventRunSlots.slot(names, i);
            if (slot >= 0) {
                eventFieldTwice |= eventValues.fields[slot] != null;
                eventValues.fields[slot] = kept.fields[slot];
            } else if (slot == E_ORGC_FIELD) {
                eventFieldTwice |= sawOrgc;
                sawOrgc = true;
                eventValues.hasOrgc = kept.hasOrgc;
                eventValues.orgcName = kept.orgcName;
                eventValues.orgcUuid = kept.orgcUuid;
            } else if (slot == E_ORG_FIELD) {
                eventFieldTwice |= sawOrg;
                sawOrg = true;
                eventValues.hasOrg = kept.hasOrg;
                eventValues.orgName = kept.orgName;
            } else if (slot == E_TAGS_FIELD) {
                eventFieldTwice |= sawEventTags;
                sawEventTags = true;
                eventTags.restore(keptEventTags.list(), keptEventTags.cut());
            }
        }
        repeatingEventFields = true;
    }

    /**
     * Right after the field name {@code names[from]} (the token just added, at the attribute's level): the bytes of
     * its value and of the fields {@code names[from + 1..to]} after it are those the last element read as an object
     * had there, and that element had no field twice ({@link #hasAFieldTwice}); they come as any one structure (its
     * tokens are passed by), and the reader takes those fields' values from the last element. Every name is
     * {@link #repeatable}, or names the event context or the tag list where the last element had one read in full or
     * restored.
     */
    public void repeatFields(String[] names, int from, int to) {
        if (!atAttributeLevel() || !names[from].equals(field) || !lastIsAttribute) {
            throw new IllegalStateException("not at a field name of an attribute after an attribute");
        }
        for (int i = from; i <= to; i++) {
            int slot = runSlots.slot(names, i);
            if (slot >= 0) {
                if (attribute[slot] != null) {
                    fieldTwice = true;
                }
                attribute[slot] = lastAttribute[slot];
            } else if (slot == RUN_EVENT) {
                restoreEvent(lastEventContext, lastEventContextTags, lastEventContextTagsCut);
            } else if (slot == RUN_TAGS) {
                restoreTags(lastTags, lastTagsCut);
            }
        }
        repeatingFields = true;
    }

    private static int runSlot(String name) {
        return switch (name) {
            case "Event" -> RUN_EVENT;
            case "Tag" -> RUN_TAGS;
            default -> slot(name);
        };
    }

    /** The event context is that of these values and tags (a repeated key replaces the earlier one, as in a tree). */
    private void restoreEvent(EventValues values, List<MispTag> tagList, boolean cut) {
        fieldTwice |= sawEvent;
        sawEvent = true;
        hasEvent = true;
        eventValues.copy(values);
        eventTags.restore(tagList, cut);
    }

    private void restoreTags(List<MispTag> tagList, boolean cut) {
        fieldTwice |= sawTags;
        sawTags = true;
        tags.restore(tagList, cut);
    }

    /** The part whose field name, at the attribute's level, was the token just added; null for any other token. */
    public Part named() {
        return named;
    }

    /** The part whose value the token just added ended (read in full); null for any other token. */
    public Part ended() {
        return ended;
    }

    /**
     * Right after {@link #named} gave this part: the value that follows has the bytes of the last value of this part
     * that {@link #ended} reported, and comes as any structure (its tokens are passed by); the reader takes what it
     * read from those bytes.
     */
    public void repeat(Part part) {
        if (named != part) {
            throw new IllegalStateException("not at the field name of " + part);
        }
        repeating = part;
    }

    private boolean start(JsonToken t) {
        clear();
        if (t == JsonToken.START_OBJECT) {
            push(ATTRIBUTE);
            return false;
        }
        stack[0] = NOT_OBJECT;
        if (t == JsonToken.START_ARRAY) {
            skip = 1;
            return false;
        }
        complete = true;
        return true;
    }

    private void clear() {
        complete = false;
        field = null;
        fieldTwice = false;
        sawEvent = false;
        sawTags = false;
        java.util.Arrays.fill(attribute, null);
        tags.clear();
        clearEvent(false);
        clearSightings();
    }

    private void clearEvent(boolean present) {
        hasEvent = present;
        eventValues.clear();
        eventTags.clear();
        eventFieldTwice = false;
        sawOrgc = false;
        sawOrg = false;
        sawEventTags = false;
        repeatingEventFields = false;
    }

    private void clearSightings() {
        sightings = 0;
        if (seenSightings != null) {
            seenSightings.clear();
        }
    }

    private void push(byte where) {
        if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = where;
    }

    /** A value (scalar or the start of a structure) in the structure on top of the stack. */
    private void value(JsonParser p, JsonToken t) throws IOException {
        switch (stack[depth - 1]) {
            case ATTRIBUTE -> attributeField(p, t);
            case EVENT -> eventField(p, t);
            case TAGS -> tagEntry(tags, TAG, p, t);
            case EVENT_TAGS -> tagEntry(eventTags, EVENT_TAG, p, t);
            case TAG -> tagField(tags, p, t);
            case EVENT_TAG -> tagField(eventTags, p, t);
            case ORGC -> {
                if ("name".equals(field)) {
                    eventValues.orgcName = read(p, t, R_ORGC_NAME);
                } else if ("uuid".equals(field)) {
                    eventValues.orgcUuid = read(p, t, R_ORGC_UUID);
                } else {
                    pass(t);
                }
            }
            case ORG -> {
                if ("name".equals(field)) {
                    eventValues.orgName = read(p, t, R_ORG_NAME);
                } else {
                    pass(t);
                }
            }
            case SIGHTINGS -> {
                if (t == JsonToken.START_OBJECT) {
                    sightingType = null;
                    sightingUuid = null;
                    sightingId = null;
                    push(SIGHTING);
                } else {
                    pass(t);
                }
            }
            case SIGHTING -> {
                switch (field) {
                    case "type" -> sightingType = read(p, t, NOT_KEPT);
                    case "uuid" -> sightingUuid = read(p, t, NOT_KEPT);
                    case "id" -> sightingId = read(p, t, NOT_KEPT);
                    default -> pass(t);
                }
            }
            default -> pass(t);
        }
    }

    private void attributeField(JsonParser p, JsonToken t) throws IOException {
        if (repeatingFields) {
            repeatingFields = false;
            pass(t);
            return;
        }
        int slot = slot(field);
        if (slot != NONE) {
            if (attribute[slot] != null) {
                fieldTwice = true;
            }
            attribute[slot] = read(p, t, slot == ID || slot == UUID ? NOT_KEPT : slot);
            return;
        }
        switch (field) {
            case "Tag" -> {
                // A repeated key replaces the whole earlier value, as in a tree.
                if (repeating == Part.TAGS) {
                    repeating = null;
                    restoreTags(keptTags.list(), keptTags.cut());
                    pass(t);
                } else {
                    fieldTwice |= sawTags;
                    sawTags = true;
                    tags.clear();
                    structure(t, TAGS);
                }
            }
            case "Event" -> {
                if (repeating == Part.EVENT) {
                    repeating = null;
                    restoreEvent(keptEventValues, keptEventTags.list(), keptEventTags.cut());
                    pass(t);
                } else {
                    fieldTwice |= sawEvent;
                    sawEvent = true;
                    clearEvent(t == JsonToken.START_OBJECT);
                    structure(t, EVENT);
                }
            }
            case "Sighting" -> {
                clearSightings();
                structure(t, SIGHTINGS);
            }
            default -> pass(t);
        }
    }

    /** The slot of an attribute's scalar field, {@link #NONE} for any other name. */
    private static int slot(String field) {
        return switch (field) {
            case "id" -> ID;
            case "uuid" -> UUID;
            case "event_id" -> EVENT_ID;
            case "object_id" -> OBJECT_ID;
            case "object_relation" -> OBJECT_RELATION;
            case "category" -> CATEGORY;
            case "type" -> TYPE;
            case "value" -> VALUE;
            case "to_ids" -> TO_IDS;
            case "timestamp" -> TIMESTAMP;
            case "first_seen" -> FIRST_SEEN;
            case "last_seen" -> LAST_SEEN;
            case "distribution" -> DISTRIBUTION;
            case "comment" -> COMMENT;
            case "deleted" -> DELETED;
            default -> NONE;
        };
    }

    private void eventField(JsonParser p, JsonToken t) throws IOException {
        if (repeatingEventFields) {
            repeatingEventFields = false;
            pass(t);
            return;
        }
        int slot = eventSlot(field);
        switch (slot) {
            case E_TAGS_FIELD -> {
                eventFieldTwice |= sawEventTags;
                sawEventTags = true;
                eventTags.clear();
                structure(t, EVENT_TAGS);
                return;
            }
            case E_ORGC_FIELD -> {
                eventFieldTwice |= sawOrgc;
                sawOrgc = true;
                eventValues.hasOrgc = t == JsonToken.START_OBJECT;
                eventValues.orgcName = null;
                eventValues.orgcUuid = null;
                if (eventValues.hasOrgc) {
                    push(ORGC);
                } else {
                    pass(t);
                }
                return;
            }
            case E_ORG_FIELD -> {
                eventFieldTwice |= sawOrg;
                sawOrg = true;
                eventValues.hasOrg = t == JsonToken.START_OBJECT;
                eventValues.orgName = null;
                if (eventValues.hasOrg) {
                    push(ORG);
                } else {
                    pass(t);
                }
                return;
            }
            case NONE -> {
                pass(t);
                return;
            }
            default -> {
            }
        }
        eventFieldTwice |= eventValues.fields[slot] != null;
        eventValues.fields[slot] = read(p, t, R_EVENT + slot);
    }

    /**
     * The slot of a field of the event context the reader reads: one of its scalars' ({@code E_ID}...), one of its
     * structures' ({@code E_..._FIELD}), {@link #NONE} for any other name.
     */
    private static int eventSlot(String name) {
        return switch (name) {
            case "id" -> E_ID;
            case "uuid" -> E_UUID;
            case "info" -> E_INFO;
            case "date" -> E_DATE;
            case "threat_level_id" -> E_THREAT_LEVEL;
            case "published" -> E_PUBLISHED;
            case "timestamp" -> E_TIMESTAMP;
            case "distribution" -> E_DISTRIBUTION;
            case "Orgc" -> E_ORGC_FIELD;
            case "Org" -> E_ORG_FIELD;
            case "Tag" -> E_TAGS_FIELD;
            default -> NONE;
        };
    }

    /** Enters an array of entries read one by one ({@code Tag}, {@code Sighting}), or an object the event. */
    private void structure(JsonToken t, byte where) {
        boolean wanted = where == EVENT ? t == JsonToken.START_OBJECT : t == JsonToken.START_ARRAY;
        if (wanted) {
            push(where);
        } else {
            pass(t);
        }
    }

    private void tagEntry(Tags into, byte entry, JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            into.name = null;
            into.inherited = null;
            push(entry);
        } else if (t == JsonToken.VALUE_STRING) {
            into.add(string(p, into.slot()), null, caps.tag());
        } else {
            // Numbers, booleans, null and arrays name no tag.
            pass(t);
        }
    }

    private void tagField(Tags into, JsonParser p, JsonToken t) throws IOException {
        if ("name".equals(field)) {
            into.name = read(p, t, into.slot());
        } else if (!into.event && "inherited".equals(field)) {
            into.inherited = read(p, t, NOT_KEPT);
        } else {
            pass(t);
        }
    }

    /**
     * A structure closes. Entries are judged with their last values (a key repeated inside an entry counts once, as
     * in a tree).
     */
    private boolean end() {
        byte closed = stack[--depth];
        switch (closed) {
            case TAG -> tags.entryEnded(caps.tag());
            case EVENT_TAG -> eventTags.entryEnded(caps.tag());
            case SIGHTING -> sightingEnded();
            case TAGS -> {
                keptTags = tags.keep();
                ended = Part.TAGS;
            }
            case EVENT -> {
                keptEventValues.copy(eventValues);
                keptEventTags = eventTags.keep();
                keptEventRepeatable = !eventFieldTwice;
                ended = Part.EVENT;
            }
            default -> {
            }
        }
        if (depth == 0) {
            complete = true;
            System.arraycopy(attribute, 0, lastAttribute, 0, attribute.length);
            lastEventContext.copy(eventValues);
            lastEventContextTags = eventTags.list();
            lastEventContextTagsCut = eventTags.cut;
            lastTags = tags.list();
            lastTagsCut = tags.cut;
            lastIsAttribute = true;
            return true;
        }
        return false;
    }

    private void sightingEnded() {
        if (sightings >= MispAttribute.MAX_SIGHTINGS) {
            return;
        }
        if (sightingType != null && !(sightingType instanceof JsonNode n && n.isNull())
                && !"0".equals(asText(sightingType))) {
            return;
        }
        String identity = text(sightingUuid);
        if (identity == null) {
            identity = text(sightingId);
        }
        if (identity != null) {
            if (seenSightings == null) {
                seenSightings = new HashSet<>();
            }
            if (!seenSightings.add(identity)) {
                return;
            }
        }
        sightings++;
    }

    /** Whether a string of the element was cut to its cap (known also of an element that cannot be read). */
    public boolean truncated() {
        requireComplete();
        if (stack[0] == NOT_OBJECT) {
            return false;
        }
        boolean cut = cuts(attribute[VALUE], caps.value()) || cuts(attribute[COMMENT], caps.comment()) || tags.cut;
        if (hasEvent) {
            EventValues v = eventValues;
            cut |= cuts(v.fields[E_INFO], caps.eventInfo()) || eventTags.cut
                    || v.hasOrgc && cuts(v.orgcName, caps.organisation())
                    || v.hasOrg && cuts(v.orgName, caps.organisation());
        }
        return cut;
    }

    /**
     * The element as a record, its strings cut to their caps.
     *
     * @throws MispFormatException when it is not an object or has no usable type and value, as {@link MispJson}
     */
    public MispAttribute attribute() {
        requireComplete();
        if (stack[0] == NOT_OBJECT) {
            throw new MispFormatException("attribute is not a JSON object");
        }
        String type = text(attribute[TYPE]);
        String value = capped(attribute[VALUE], caps.value());
        if (type == null || type.isBlank() || value == null) {
            throw new MispFormatException("attribute has no type or value");
        }
        MispEvent e = hasEvent ? event() : null;
        String eventId = text(attribute[EVENT_ID]);
        if (eventId == null && e != null) {
            eventId = e.id();
        }
        return new MispAttribute(text(attribute[ID]), MispJson.lower(text(attribute[UUID])), eventId,
                text(attribute[OBJECT_ID]), text(attribute[OBJECT_RELATION]), text(attribute[CATEGORY]), type, value,
                bool(attribute[TO_IDS]), time(TIMESTAMP), time(FIRST_SEEN), time(LAST_SEEN),
                integer(attribute[DISTRIBUTION]),
                capped(attribute[COMMENT], caps.comment()), bool(attribute[DELETED]), tags.list(), e, sightings);
    }

    /**
     * The attribute's time in this slot: the last element's instance when its text is the same string (the kept
     * strings make that an identity check).
     */
    private java.time.Instant time(int slot) {
        Object text = attribute[slot];
        int kept = slot == TIMESTAMP ? 0 : slot == FIRST_SEEN ? 1 : 2;
        if (text != null && text == lastTimeTexts[kept]) {
            return lastTimes[kept];
        }
        java.time.Instant made = slot == TIMESTAMP ? epoch(text) : MispJson.instant(text(text));
        if (text instanceof String) {
            lastTimeTexts[kept] = text;
            lastTimes[kept] = made;
        }
        return made;
    }

    private MispEvent event() {
        EventValues v = eventValues;
        if (lastEvent != null && v.makeTheSameEventAs(lastEventValues) && eventTags.list.equals(lastEventTags)) {
            // The same tokens make the same event.
            return lastEvent;
        }
        Object[] event = v.fields;
        String orgcNameText = v.hasOrgc ? capped(v.orgcName, caps.organisation()) : null;
        String orgcUuidText = v.hasOrgc ? MispJson.lower(text(v.orgcUuid)) : null;
        List<MispTag> tagList = eventTags.list();
        MispEvent made = new MispEvent(text(event[E_ID]), MispJson.lower(text(event[E_UUID])),
                capped(event[E_INFO], caps.eventInfo()), MispJson.date(text(event[E_DATE])), orgcNameText,
                orgcUuidText, integer(event[E_THREAT_LEVEL]), event[E_PUBLISHED] != null
                        ? bool(event[E_PUBLISHED])
                        : null,
                epoch(event[E_TIMESTAMP]), integer(event[E_DISTRIBUTION]), tagList);
        lastEventValues.copy(v);
        lastEventTags = tagList;
        lastEvent = made;
        return made;
    }

    private void requireComplete() {
        if (!complete) {
            throw new IllegalStateException("the element is not complete");
        }
    }

    /** Lets a structure (or a scalar) the reader has no use for pass by, without reading its text. */
    private void pass(JsonToken t) {
        if (t.isStructStart()) {
            skip = 1;
        }
    }

    /**
     * A scalar as the tree would hold it; a structure is passed by and stands as {@link #CONTAINER}.
     *
     * @param slot where the string is kept for the next element, or {@link #NOT_KEPT}
     */
    private Object read(JsonParser p, JsonToken t, int slot) throws IOException {
        if (t.isStructStart()) {
            skip = 1;
            return CONTAINER;
        }
        return t == JsonToken.VALUE_STRING ? string(p, slot) : scalar(p, t);
    }

    /**
     * The current string token: the one kept in the slot when it has the same characters (no String made), else a
     * new one, then kept.
     */
    private String string(JsonParser p, int slot) throws IOException {
        if (slot == NOT_KEPT) {
            return p.getText();
        }
        String last = recent[slot];
        if (last != null) {
            int length = p.getTextLength();
            if (length == last.length()) {
                char[] chars = p.getTextCharacters();
                int offset = p.getTextOffset();
                int i = 0;
                while (i < length && chars[offset + i] == last.charAt(i)) {
                    i++;
                }
                if (i == length) {
                    return last;
                }
            }
        }
        String made = p.getText();
        recent[slot] = made.length() <= RECENT_MAX_LENGTH ? made : null;
        return made;
    }

    /** The same nodes {@link JsonTreeBuilder} makes, except that a string stays a String. */
    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            default -> NODES.nullNode();
        };
    }

    private static String text(Object v) {
        return v instanceof String s ? s : MispJson.text((JsonNode) v);
    }

    private static String asText(Object v) {
        return v instanceof String s ? s : ((JsonNode) v).asText();
    }

    private static boolean bool(Object v) {
        // MISP's own kinds first (0/1, true/false): what MispJson.bool gives for them, without its general checks.
        if (v instanceof com.fasterxml.jackson.databind.node.IntNode n) {
            return n.intValue() != 0;
        }
        if (v instanceof com.fasterxml.jackson.databind.node.BooleanNode b) {
            return b.booleanValue();
        }
        return v instanceof String s ? MispJson.boolText(s) : MispJson.bool((JsonNode) v);
    }

    private static Integer integer(Object v) {
        return v instanceof String s ? MispJson.integerText(s) : MispJson.integer((JsonNode) v);
    }

    private static java.time.Instant epoch(Object v) {
        return v instanceof String s ? MispJson.epochText(s) : MispJson.epoch((JsonNode) v);
    }

    /** Only a JSON string is cut, as in the tree. */
    private static boolean cuts(Object v, int max) {
        return v instanceof String s && s.length() > max;
    }

    private static String capped(Object v, int max) {
        return v instanceof String s ? MispStringCaps.cut(s, max) : text(v);
    }

    /**
     * One {@code Tag} array being read: its entries so far and the entry being read. Tags and lists equal to the last
     * element's are that element's instances (most attributes of an answer carry the same few tags).
     */
    private final class Tags {
        final boolean event;
        final List<MispTag> list = new ArrayList<>(4);
        private final MispTag[] recent = new MispTag[KEPT_TAGS];
        private List<MispTag> lastList = List.of();
        boolean cut;
        Object name;
        Object inherited;

        Tags(boolean event) {
            this.event = event;
        }

        /** Where the string of the tag being read is kept, by its position in the list. */
        int slot() {
            return list.size() < KEPT_TAGS ? (event ? R_EVENT_TAGS : R_TAGS) + list.size() : NOT_KEPT;
        }

        void clear() {
            list.clear();
            cut = false;
        }

        KeptTags keep() {
            return new KeptTags(list(), cut);
        }

        /** Becomes this list read before, as if its bytes had been read again. */
        void restore(List<MispTag> kept, boolean keptCut) {
            list.clear();
            list.addAll(kept);
            cut = keptCut;
        }

        void entryEnded(int max) {
            if (name instanceof String s) {
                add(s, inherited, max);
            } else {
                // A number names a tag as its text; null and structures name none. Nothing is cut.
                String n = text(name);
                if (n != null && !n.isBlank()) {
                    list.add(tag(n, event || inherited != null && bool(inherited)));
                }
            }
        }

        void add(String name, Object inheritedValue, int max) {
            String n = MispStringCaps.cut(name, max);
            if (n != name) {
                cut = true;
            }
            if (!n.isBlank()) {
                list.add(tag(n, event || inheritedValue != null && bool(inheritedValue)));
            }
        }

        /** The tag at the next position: the last element's there when it is the same. */
        private MispTag tag(String name, boolean inherited) {
            int position = list.size();
            MispTag last = position < KEPT_TAGS ? recent[position] : null;
            if (last != null && last.inherited() == inherited && last.name().equals(name)) {
                return last;
            }
            MispTag made = new MispTag(name, inherited);
            if (position < KEPT_TAGS) {
                recent[position] = made;
            }
            return made;
        }

        List<MispTag> list() {
            if (list.size() == lastList.size()) {
                int i = 0;
                while (i < list.size() && list.get(i) == lastList.get(i)) {
                    i++;
                }
                if (i == list.size()) {
                    return lastList;
                }
            }
            lastList = List.copyOf(list);
            return lastList;
        }
    }

    /**
     * The slots of the names runs pass over, kept by the name's instance and place: the caller's names are the same
     * instances at the same places from run to run, and looking each up again was a few per cent of reading.
     */
    private static final class RunSlots {
        private final java.util.function.ToIntFunction<String> slotOf;
        private String[] names = new String[0];
        private int[] slots = new int[0];

        RunSlots(java.util.function.ToIntFunction<String> slotOf) {
            this.slotOf = slotOf;
        }

        int slot(String[] runNames, int i) {
            if (names.length < runNames.length) {
                names = new String[runNames.length];
                slots = new int[runNames.length];
            }
            String name = runNames[i];
            if (names[i] != name) {
                slots[i] = slotOf.applyAsInt(name);
                names[i] = name;
            }
            return slots[i];
        }
    }

    /** What a tag list read in full held. */
    private record KeptTags(List<MispTag> list, boolean cut) {
        static final KeptTags NONE = new KeptTags(List.of(), false);
    }

    /**
     * An event context's own values as read (its tags aside): the ones being read, the ones of the last context read in
     * full (restored when the same bytes come again) and the ones the last event was made of.
     */
    private static final class EventValues {
        final Object[] fields = new Object[8];
        boolean hasOrgc;
        Object orgcName;
        Object orgcUuid;
        boolean hasOrg;
        Object orgName;

        void clear() {
            java.util.Arrays.fill(fields, null);
            hasOrgc = false;
            orgcName = null;
            orgcUuid = null;
            hasOrg = false;
            orgName = null;
        }

        void copy(EventValues from) {
            System.arraycopy(from.fields, 0, fields, 0, fields.length);
            hasOrgc = from.hasOrgc;
            orgcName = from.orgcName;
            orgcUuid = from.orgcUuid;
            hasOrg = from.hasOrg;
            orgName = from.orgName;
        }

        /** Whether these values make the same {@link MispEvent} (which holds no owner organisation). */
        boolean makeTheSameEventAs(EventValues other) {
            return hasOrgc == other.hasOrgc && java.util.Arrays.equals(fields, other.fields)
                    && java.util.Objects.equals(orgcName, other.orgcName)
                    && java.util.Objects.equals(orgcUuid, other.orgcUuid);
        }
    }
}
