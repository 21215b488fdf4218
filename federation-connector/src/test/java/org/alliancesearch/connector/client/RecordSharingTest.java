package org.alliancesearch.connector.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.junit.jupiter.api.Test;

class RecordSharingTest {
    static MispEvent event(String uuid, String tag) {
        return new MispEvent("1", uuid, "info " + uuid, LocalDate.of(2026, 12, 1), "Org A", null, 2, true,
                Instant.parse("2026-12-01T00:00:00Z"), 1, List.of(new MispTag(tag, true)));
    }

    static MispAttribute attribute(String uuid, List<MispTag> tags, MispEvent event) {
        return new MispAttribute("1", uuid, "1", null, null, "Network activity", "domain", "evil.example", true,
                Instant.parse("2026-12-01T00:00:00Z"), null, null, 1, "", false, tags, event);
    }

    @Test
    void everyRecordReadsAsItCameWithEqualPartsSharedAcrossTheAnswer() {
        RecordSharing sharing = new RecordSharing();
        MispEvent a = event("e-a", "tlp:green");
        MispEvent b = event("e-b", "tlp:amber");
        List<MispTag> green = List.of(MispTag.of("tlp:green"));
        List<MispTag> amber = List.of(MispTag.of("tlp:amber"));
        // the same instances one after another (as the reader hands them over), then others, then equal copies
        List<MispAttribute> read = List.of(attribute("u1", green, a), attribute("u2", green, a),
                attribute("u3", amber, b), attribute("u4", List.of(MispTag.of("tlp:green")), event("e-a", "tlp:green")),
                attribute("u5", amber, b), attribute("u6", green, event("e-b", "tlp:green")));

        List<MispAttribute> shared = read.stream().map(sharing::share).toList();

        assertThat(shared).isEqualTo(read);
        assertThat(shared.get(1).event()).isSameAs(shared.get(0).event());
        assertThat(shared.get(3).event()).isSameAs(shared.get(0).event());
        assertThat(shared.get(4).event()).isSameAs(shared.get(2).event());
        assertThat(shared.get(3).tags()).isSameAs(shared.get(0).tags());
        // an event equal to none before it is its own, even right after one of the same uuid
        assertThat(shared.get(5).event()).isNotSameAs(shared.get(2).event()).isEqualTo(read.get(5).event());
        assertThat(shared.get(5).event().tags()).isSameAs(shared.get(0).event().tags());
    }
}
