package org.alliancesearch.model.misp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;

class JsonTreeBuilderTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void buildsTheTreeThatReadTreeGivesFromOneByteAtATime() throws Exception {
        String json = "{\"id\":\"7\",\"n\":12,\"big\":12345678901234,\"huge\":123456789012345678901234567890,"
                + "\"f\":1.5,\"t\":true,\"no\":false,\"nothing\":null,\"Tag\":[{\"name\":\"tlp:green\"},[],{}],"
                + "\"Event\":{\"Orgc\":{\"name\":\"ORG\"},\"info\":\"日本語 \\\"quoted\\\"\"},\"dup\":1,\"dup\":2}";
        JsonNode expected = MAPPER.readTree(json);

        JsonParser parser = MAPPER.getFactory().createNonBlockingByteArrayParser();
        ByteArrayFeeder feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonTreeBuilder builder = null;
        boolean done = false;
        for (int i = 0; i < bytes.length && !done; i++) {
            feeder.feedInput(bytes, i, i + 1);
            JsonToken token;
            while (!done && (token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
                if (builder == null) {
                    builder = new JsonTreeBuilder(parser, token);
                } else {
                    done = builder.add(parser, token);
                }
            }
        }

        assertThat(done).isTrue();
        assertThat(builder.tree()).isEqualTo(expected);
        assertThat(builder.tree().get("huge").isBigInteger()).isTrue();
        assertThat(builder.tree().get("dup").asInt()).isEqualTo(2);
    }
}
