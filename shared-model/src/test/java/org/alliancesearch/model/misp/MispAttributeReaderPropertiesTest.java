package org.alliancesearch.model.misp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The token reader ({@link MispAttributeReader}) gives exactly what the tree path gives ({@link MispStringCaps#apply}
 * then {@link MispJson#attribute} on the tree {@code readTree} builds): the same record, or the same exception, and the
 * same cut flag, for hostile and varied attributes ({@link AttributeJsonGenerator}) fed in random chunks to the
 * non-blocking parser, several elements through one reader.
 */
class MispAttributeReaderPropertiesTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<Integer> caps() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 12), Arbitraries.just(Integer.MAX_VALUE));
    }

    @Property(tries = 3000)
    void readsWhatTheTreePathReads(@ForAll("seeds") long seed, @ForAll("caps") int cap) throws IOException {
        AttributeJsonGenerator gen = new AttributeJsonGenerator(seed, cap == Integer.MAX_VALUE ? 6 : cap);
        Random r = new Random(seed);
        MispStringCaps caps = cap == Integer.MAX_VALUE
                ? MispStringCaps.none()
                : new MispStringCaps(cap, Math.max(0, cap - 1), cap + 1, cap, Math.max(0, cap - 2));
        List<String> elements = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            elements.add(gen.element());
        }
        String json = "[" + String.join(",", elements) + "]";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        List<Outcome> expected = new ArrayList<>();
        for (JsonNode element : MAPPER.readTree(bytes)) {
            expected.add(reference(element, caps));
        }
        List<Outcome> actual = readByTokens(bytes, caps, r);

        assertThat(actual).as(json).isEqualTo(expected);
    }

    /** What one element gave: the record or the exception's class, and whether a string was cut. */
    record Outcome(MispAttribute attribute, Class<?> failure, boolean truncated) {
        static Outcome of(java.util.function.Supplier<MispAttribute> read, boolean truncated) {
            try {
                return new Outcome(read.get(), null, truncated);
            } catch (RuntimeException e) {
                return new Outcome(null, e.getClass(), truncated);
            }
        }
    }

    static Outcome reference(JsonNode element, MispStringCaps caps) {
        JsonNode tree = element.deepCopy();
        boolean truncated = caps.apply(tree);
        return Outcome.of(() -> MispJson.attribute(tree), truncated);
    }

    /** Feeds the bytes in random chunks; each element of the outer array goes through one reader, token by token. */
    static List<Outcome> readByTokens(byte[] bytes, MispStringCaps caps, Random r) throws IOException {
        MispAttributeReader reader = new MispAttributeReader(caps);
        List<Outcome> out = new ArrayList<>();
        JsonParser parser = MAPPER.getFactory().createNonBlockingByteArrayParser();
        ByteArrayFeeder feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        int pos = 0;
        boolean started = false;
        while (pos < bytes.length) {
            int size = Math.min(bytes.length - pos, 1 + r.nextInt(r.nextBoolean() ? 3 : 64));
            feeder.feedInput(bytes, pos, pos + size);
            pos += size;
            JsonToken t;
            while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
                JsonStreamContext ctx = parser.getParsingContext();
                if (!started || ctx.inRoot()) {
                    // The outer array's own start and end.
                    started = true;
                    continue;
                }
                boolean ends = !t.isStructStart() && ctx.inArray() && ctx.getParent().inRoot();
                boolean complete = reader.add(parser, t);
                assertThat(complete).as("complete exactly at the element's last token (%s)", t).isEqualTo(ends);
                if (complete) {
                    out.add(Outcome.of(reader::attribute, reader.truncated()));
                }
            }
        }
        feeder.endOfInput();
        assertThat(parser.nextToken()).isNull();
        return out;
    }
}
