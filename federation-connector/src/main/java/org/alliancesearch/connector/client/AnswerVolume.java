package org.alliancesearch.connector.client;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one member's search answers have amounted to since its client was made: bytes on the wire, the JSON they
 * inflated to, the part of it passed over as repeats of a value already read (an attribute's event context, its tag
 * list) and the records read. Shows an operator which member sends the most, and how much of it the portal did not
 * have to tokenise: the connector's cost grows with the JSON bytes less the bytes passed over.
 */
public final class AnswerVolume {
    private final LongAdder received = new LongAdder();
    private final LongAdder json = new LongAdder();
    private final LongAdder passedOver = new LongAdder();
    private final LongAdder records = new LongAdder();

    /** Adds one page read, whatever its ending (complete, cut, failed, timed out). */
    void add(long receivedBytes, long jsonBytes, long passedOverBytes, long recordsRead) {
        received.add(receivedBytes);
        json.add(jsonBytes);
        passedOver.add(passedOverBytes);
        records.add(recordsRead);
    }

    /** Bytes of answer bodies as they came over the wire (compressed when the member compressed them). */
    public double receivedBytes() {
        return received.sum();
    }

    /** Bytes of JSON the answer bodies held (inflated). */
    public double jsonBytes() {
        return json.sum();
    }

    /** Of {@link #jsonBytes()}, the bytes passed over as repeats, without being tokenised again. */
    public double passedOverBytes() {
        return passedOver.sum();
    }

    /** Records read, readable or not. */
    public double records() {
        return records.sum();
    }
}
