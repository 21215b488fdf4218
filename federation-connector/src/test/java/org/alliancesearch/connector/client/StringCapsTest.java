package org.alliancesearch.connector.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.alliancesearch.connector.client.PageResult.Cut;
import org.alliancesearch.connector.support.MispFixtures;
import org.alliancesearch.model.misp.MispTag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.buffer.Buffer;

class StringCapsTest {
    static final StringCaps CAPS = new StringCaps(100, 100, 100, 10, 100);

    @Test
    void cutsTagsGivenAsBareNamesInTheTree() throws Exception {
        JsonNode tree = MispFixtures.MAPPER.readTree("{\"type\":\"md5\",\"value\":\"x\",\"Tag\":[\"tlp:green\","
                + "\"osint:source-type=blog\",{\"name\":\"misp-galaxy:tool=X\"}],\"Event\":{\"Tag\":[\"workflow:state\"]}}");

        assertThat(CAPS.apply(tree)).isTrue();

        assertThat(tree.get("Tag").get(0).asText()).isEqualTo("tlp:green");
        assertThat(tree.get("Tag").get(1).asText()).isEqualTo("osint:sou…");
        assertThat(tree.get("Tag").get(2).get("name").asText()).isEqualTo("misp-gala…");
        assertThat(tree.get("Event").get("Tag").get(0).asText()).isEqualTo("workflow:…");
    }

    @Test
    void anAnswerWithLongBareTagNamesIsReadCutAndCounted() {
        String json = "{\"response\":{\"Attribute\":[{\"type\":\"md5\",\"value\":\"x\",\"Tag\":[\"tlp:green\","
                + "\"osint:source-type=blog\"]},{\"type\":\"md5\",\"value\":\"y\",\"Tag\":[\"tlp:green\"]}]}}";
        AttributeStreamSink sink = new AttributeStreamSink(MispFixtures.MAPPER, Long.MAX_VALUE, 10,
                ReadBudget.unlimited(), CAPS);
        sink.write(Buffer.buffer(json.getBytes(StandardCharsets.UTF_8)));
        sink.finish();

        PageResult page = sink.result(0);

        assertThat(page.cut()).isEqualTo(Cut.NONE);
        assertThat(page.truncated()).isEqualTo(1);
        assertThat(page.attributes().get(0).tags()).containsExactly(MispTag.of("tlp:green"),
                MispTag.of("osint:sou…"));
    }

    @Test
    void aStringThatFitsIsLeftAndAnOverlongOneNeverEndsInHalfASurrogatePair() throws Exception {
        JsonNode tree = MispFixtures.MAPPER.readTree("{\"value\":\"ab😀de\",\"comment\":\"" + "c".repeat(100)
                + "\"}");

        assertThat(new StringCaps(4, 100, 1, 1, 1).apply(tree)).isTrue();

        assertThat(tree.get("value").asText()).isEqualTo("ab…");
        assertThat(tree.get("comment").asText()).hasSize(100);
        assertThat(StringCaps.none().apply(tree)).isFalse();
    }
}
