package org.alliancesearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The probe of the machine's speed counts what it read (the answer of a real member: {@link LoadDriverTest}). */
class SpeedProbeTest {

    @Test
    void countsTheAttributesOfAnAnswerNotTheObjectsInsideThem() {
        String attribute = "{\"id\":\"1\",\"value\":\"a.example\",\"Event\":{\"id\":\"2\",\"Orgc\":{\"name\":\"org-a\"},"
                + "\"Tag\":[{\"name\":\"tlp:green\"}]},\"Tag\":[{\"name\":\"tlp:green\",\"inherited\":1}]}";
        byte[] answer = ("{\"response\":{\"Attribute\":[" + attribute + "," + attribute + "," + attribute + "]}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(SpeedProbe.attributes(answer)).isEqualTo(3);
        SpeedProbe.Result r = SpeedProbe.measure(answer, 1, 3);
        assertThat(r.attributesRead()).isEqualTo(3);
        assertThat(r.nanosPerAttribute()).isNotNegative();
    }

    @Test
    void anAnswerWithoutAttributesIsNoProbe() {
        byte[] empty = "{\"response\":{\"Attribute\":[]}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SpeedProbe.measure(empty, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProbeThatMeasuresNoReadIsRefused() {
        byte[] answer = "{\"response\":{\"Attribute\":[{\"value\":\"a.example\"}]}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SpeedProbe.measure(answer, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one read");
    }
}
