package org.alliancesearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;

/** The machine's reference work takes every token of the answer it is given, and says what it costs per record. */
class MachineTest {
    private static final String ANSWER = "{\"response\":{\"Attribute\":[{\"value\":\"a.example\"},"
            + "{\"value\":\"b.example\"}]}}";

    @Test
    void theReferenceWorkTakesEveryTokenOfTheAnswer() throws IOException {
        // { response { Attribute [ {value "a"} {value "b"} ] } }
        assertThat(Machine.tokens(new JsonFactory(), gzip(ANSWER))).isEqualTo(16);
    }

    @Test
    void theReferenceIsACostPerRecord() throws IOException {
        StringBuilder many = new StringBuilder("{\"response\":{\"Attribute\":[");
        for (int i = 0; i < 2_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"value\":\"").append(i).append(".example\"}");
        }
        byte[] json = many.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
        double perRecord = Machine.referenceNanosPerRecord(json, 2_000, 5);
        assertThat(perRecord).isPositive().isFinite();
        assertThatThrownBy(() -> Machine.referenceNanosPerRecord(json, 0, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Machine.referenceNanosPerRecord(new byte[0], 1, 5))
                .isInstanceOf(IllegalStateException.class);
    }

    private static byte[] gzip(String json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
