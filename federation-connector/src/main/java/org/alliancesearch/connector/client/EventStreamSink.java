package org.alliancesearch.connector.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.client.PageResult.Cut;
import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.misp.MispEventReader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a MISP {@code events/restSearch} answer as it arrives ({@link JsonStreamSink}) with the shared model's event
 * reader ({@link MispEventReader}): one attribute's tokens are held as a tree at a time, each attribute's and each
 * event's strings are cut to their caps, an event's attributes beyond the per-event cap are counted and not kept, and
 * the read ends ({@link Cut#RECORD_CAP}) once the page's cap on events or attributes is reached.
 */
public final class EventStreamSink extends JsonStreamSink<EventPageResult> {
    private final List<MispEventDocument> events = new ArrayList<>();
    private final MispEventReader reader;
    private final int maxEvents;
    private final int maxAttributes;

    /**
     * @param maxEvents events kept at most from this page
     * @param maxAttributes attributes kept at most from this page (all its events together)
     * @param maxAttributesPerEvent attributes kept at most of one event
     */
    public EventStreamSink(ObjectMapper mapper, long maxBytes, int maxEvents, int maxAttributes,
            int maxAttributesPerEvent, ReadBudget budget, StringCaps caps) {
        super(mapper, maxBytes, budget);
        this.maxEvents = maxEvents;
        this.maxAttributes = maxAttributes;
        this.reader = new MispEventReader(new MispEventReader.Limits(maxEvents, maxAttributes,
                maxAttributesPerEvent, caps::apply), events::add);
    }

    @Override
    protected void token(JsonParser parser, JsonToken token) throws IOException {
        reader.token(parser, token);
        if (reader.full()) {
            cut(Cut.RECORD_CAP, reader.events() >= maxEvents
                    ? MemberMessage.EVENT_CAP.format(maxEvents)
                    : MemberMessage.ATTRIBUTE_CAP.format(maxAttributes));
        }
    }

    @Override
    public synchronized void finish() {
        super.finish();
        if (cut() == Cut.NONE && !reader.sawRoot()) {
            cut(Cut.MALFORMED, MemberMessage.EMPTY_ANSWER.format());
        }
    }

    @Override
    protected int records() {
        return reader.records();
    }

    @Override
    protected String kept() {
        return events.size() + " events";
    }

    @Override
    public synchronized EventPageResult result(int serverSkipped) {
        int attributes = 0;
        for (MispEventDocument e : events) {
            attributes += e.attributeCount();
        }
        return new EventPageResult(events, reader.records(), reader.skipped(), serverSkipped, cut(), cutMessage(),
                reader.truncated(), attributes);
    }
}
