package org.alliancesearch.connector.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.client.PageResult.Cut;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispAttributeReader;
import org.alliancesearch.model.misp.MispFormatException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a MISP {@code attributes/restSearch} answer as it arrives ({@link JsonStreamSink}): only the tokens of one
 * attribute ({@code response.Attribute[i]}) are held at a time, never the whole body. Each attribute is read straight
 * from the tokens into a record, its strings cut to their caps on the way ({@link MispAttributeReader}: no JSON tree
 * per record, which was a third of the CPU spent reading answers). Ends the read when the record cap is reached too.
 */
public final class AttributeStreamSink extends JsonStreamSink<PageResult> {
    private final int maxRecords;
    private final MispAttributeReader reader;
    private int truncated;
    private final List<MispAttribute> attributes = new ArrayList<>();
    private final RecordSharing sharing = new RecordSharing();
    private int records;
    private int skipped;
    /** Whether the reader is inside an attribute. */
    private boolean reading;
    /** Whether values repeated from the last record are passed over (off only to hold the two reads together). */
    private final boolean passRepeats;
    private final RepeatedValue event = new RepeatedValue();
    private final RepeatedValue tags = new RepeatedValue();
    private final RepeatedFields fields = new RepeatedFields();
    /** The fields of an event context read in full, compared with those of the last one read in full. */
    private final RepeatedFields eventFields = new RepeatedFields(fields);

    /**
     * @param maxBytes bytes read at most (decompressed)
     * @param maxRecords readable attributes kept at most; one more ends the read with {@link Cut#RECORD_CAP}
     */
    public AttributeStreamSink(ObjectMapper mapper, long maxBytes, int maxRecords) {
        this(mapper, maxBytes, maxRecords, ReadBudget.unlimited(), StringCaps.none());
    }

    /**
     * @param budget the member's and the search's byte budget, charged with every decompressed byte
     * @param caps caps on each record's strings
     */
    public AttributeStreamSink(ObjectMapper mapper, long maxBytes, int maxRecords, ReadBudget budget, StringCaps caps) {
        this(mapper, maxBytes, maxRecords, budget, caps, true);
    }

    /**
     * @param passRepeats whether an event context, a tag list or a run of scalar fields repeated byte for byte is
     *        passed over
     */
    AttributeStreamSink(ObjectMapper mapper, long maxBytes, int maxRecords, ReadBudget budget, StringCaps caps,
            boolean passRepeats) {
        super(mapper, maxBytes, budget);
        this.maxRecords = maxRecords;
        this.reader = new MispAttributeReader(caps.model());
        this.passRepeats = passRepeats;
    }

    @Override
    protected void token(JsonParser parser, JsonToken token) throws IOException {
        if (reading) {
            boolean complete = reader.add(parser, token);
            if (passRepeats) {
                repeats(parser, token, complete);
            }
            if (complete) {
                endRecord();
            }
        } else if (inAttributeArray(parser, token)) {
            if (token.isStructStart()) {
                reading = true;
                reader.add(parser, token);
                if (passRepeats && token == JsonToken.START_OBJECT) {
                    fields.started();
                }
            } else if (!token.isStructEnd()) {
                records++;
                skipped++;
            }
        }
    }

    /** True when the token is an element (or the start of one) of {@code response.Attribute[]}. */
    private static boolean inAttributeArray(JsonParser parser, JsonToken token) {
        JsonStreamContext ctx = parser.getParsingContext();
        JsonStreamContext array = token.isStructStart() ? ctx.getParent() : ctx;
        if (array == null || !array.inArray() || token.isStructEnd()) {
            return false;
        }
        JsonStreamContext response = array.getParent();
        if (response == null || !response.inObject() || !"Attribute".equals(response.getCurrentName())) {
            return false;
        }
        JsonStreamContext root = response.getParent();
        return root != null && root.inObject() && "response".equals(root.getCurrentName()) && root.getParent() != null
                && root.getParent().inRoot();
    }

    /**
     * MISP sends each attribute with a copy of its event context and its tag list, the same bytes for every attribute
     * of an event, and most of its scalar fields as the attribute before had them: the bytes are compared with the
     * last ones read, and the parser passes over a copy.
     */
    private void repeats(JsonParser parser, JsonToken token, boolean complete) throws IOException {
        if (complete) {
            if (token == JsonToken.END_OBJECT) {
                fields.ended(!reader.hasAFieldTwice());
            }
            return;
        }
        MispAttributeReader.Part named = reader.named();
        if (named != null) {
            // In a run with the fields around it when the record before had it there too, else on its own when it
            // repeats the one read last.
            if (fields.atStructureName(parser.currentName()) > 0) {
                reader.repeatFields(fields.names(), fields.runFrom(), fields.runTo());
            } else if ((named == MispAttributeReader.Part.EVENT ? event : tags).atName(fields)) {
                reader.repeat(named);
            }
            return;
        }
        MispAttributeReader.Part ended = reader.ended();
        if (ended == MispAttributeReader.Part.EVENT) {
            event.ended(eventFields);
            eventFields.ended(!reader.hasAnEventFieldTwice());
            fields.structureEnded();
        } else if (ended != null) {
            tags.ended(null);
            fields.structureEnded();
        } else if (reader.atEventLevel()) {
            // An event context read in full: most of its fields are those of the last one (the same organisation,
            // tags, flags), where only its id, uuid, info and times differ.
            if (token == JsonToken.START_OBJECT) {
                eventFields.started();
            } else if (token == JsonToken.FIELD_NAME) {
                if (eventFields.atName(parser.currentName(), true) > 0) {
                    reader.repeatEventFields(eventFields.names(), eventFields.runFrom(), eventFields.runTo());
                }
            } else {
                eventFields.valueEnded();
            }
        } else if (reader.atAttributeLevel()) {
            if (token == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (fields.atName(name, MispAttributeReader.repeatable(name)) > 0) {
                    reader.repeatFields(fields.names(), fields.runFrom(), fields.runTo());
                }
            } else if (token.isScalarValue()) {
                fields.valueEnded();
            }
        }
    }

    private void endRecord() {
        reading = false;
        if (attributes.size() >= maxRecords) {
            cut(Cut.RECORD_CAP, MemberMessage.ATTRIBUTE_CAP.format(maxRecords));
            return;
        }
        records++;
        if (reader.truncated()) {
            truncated++;
        }
        try {
            attributes.add(sharing.share(reader.attribute()));
        } catch (MispFormatException e) {
            skipped++;
        }
    }

    @Override
    protected void cutHook() {
        reading = false;
        reader.reset();
        fields.forget();
        eventFields.forget();
    }

    @Override
    protected int records() {
        return records;
    }

    @Override
    protected String kept() {
        return attributes.size() + " attributes";
    }

    /** The page read so far. */
    @Override
    public synchronized PageResult result(int serverSkipped) {
        return new PageResult(attributes, records, skipped, serverSkipped, cut(), cutMessage(), truncated);
    }

    public synchronized int attributeCount() {
        return attributes.size();
    }
}
