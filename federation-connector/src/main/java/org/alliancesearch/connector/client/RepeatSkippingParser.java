package org.alliancesearch.connector.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.async.NonBlockingJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;

/**
 * Jackson's non-blocking parser, able to pass over a value whose bytes its reader has already read once in the same
 * answer. MISP repeats each attribute's event context (about half of every record's bytes) and its tag list with
 * every attribute of an event; tokenising those copies again was the largest share of the portal's CPU per record.
 *
 * <p>
 * Only the position is moved: the caller overwrites the last three bytes of the value it passes over with
 * {@code :{}} in its own input array and continues the parser there, so the parser still checks every token it
 * returns, and its state is the one it had after the field name.
 */
final class RepeatSkippingParser extends NonBlockingJsonParser {
    private static final Map<JsonFactory, Factory> FACTORIES = new ConcurrentHashMap<>();

    private RepeatSkippingParser(IOContext context, int features, ByteQuadsCanonicalizer names) {
        super(context, features, names);
    }

    /** A parser with the settings (stream constraints, features) of this factory. */
    static RepeatSkippingParser create(JsonFactory settings) {
        return FACTORIES.computeIfAbsent(settings, Factory::new).parser();
    }

    /** Where the parser reads next in the array last fed. */
    int position() {
        return _inputPtr;
    }

    /** The end of the part of the array last fed. */
    int end() {
        return _inputEnd;
    }

    /**
     * Continues at {@code to - 3}, where the caller has written {@code :{}}: the value after the current field name
     * reads as an empty object.
     */
    void continueAtEmptyValue(byte[] input, int to) {
        input[to - 3] = ':';
        input[to - 2] = '{';
        input[to - 1] = '}';
        _inputPtr = to - 3;
    }

    /** Copies a factory's settings; its symbol table is its own, shared by the parsers it makes. */
    private static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        Factory(JsonFactory source) {
            super(source, null);
        }

        RepeatSkippingParser parser() {
            return new RepeatSkippingParser(_createNonBlockingContext(null), _parserFeatures,
                    _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures));
        }
    }
}
