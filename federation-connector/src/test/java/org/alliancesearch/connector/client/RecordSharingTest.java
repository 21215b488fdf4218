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

    @Test
    void aRecordWhosePartsAreAlreadySharedIsKeptAsReadAndEqualCopiesBecomeTheSharedInstances() {
        RecordSharing sharing = new RecordSharing();
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        // the event's timestamp is the attributes' instance: an equal one of its own would be shared as theirs
        MispEvent e = new MispEvent("1", "e-a", "info e-a", LocalDate.of(2026, 12, 1), "Org A", null, 2, true, at, 1,
                List.of(new MispTag("tlp:green", true)));
        List<MispTag> green = List.of(MispTag.of("tlp:green"));
        MispAttribute first = record("u1", "evil.example", "domain", at, green, e);
        // equal values in other instances, as a reader that made new strings would hand them over
        MispAttribute copy = record("u2", new String("evil.example"), new String("domain"),
                Instant.parse("2026-12-01T00:00:00Z"), List.of(MispTag.of("tlp:green")), e);
        // the first record's instances again, then a value not seen before between two of them
        MispAttribute again = record("u3", "evil.example", "domain", at, green, e);
        MispAttribute other = record("u4", "other.example", "domain", at, green, e);
        MispAttribute third = record("u5", "evil.example", "domain", at, green, e);

        assertThat(sharing.share(first)).isSameAs(first);
        MispAttribute sharedCopy = sharing.share(copy);
        assertThat(sharedCopy).isEqualTo(copy).isNotSameAs(copy);
        assertThat(sharedCopy.value()).isSameAs(first.value());
        assertThat(sharedCopy.type()).isSameAs(first.type());
        assertThat(sharedCopy.timestamp()).isSameAs(first.timestamp());
        assertThat(sharedCopy.tags()).isSameAs(first.tags());
        assertThat(sharedCopy.event()).isSameAs(e);
        assertThat(sharing.share(again)).isSameAs(again);
        assertThat(sharing.share(other)).isSameAs(other);
        assertThat(sharing.share(third)).isSameAs(third);
    }

    private static MispAttribute record(String uuid, String value, String type, Instant at, List<MispTag> tags,
            MispEvent event) {
        return new MispAttribute("1", uuid, "1", null, null, "Network activity", type, value, true, at, null, null, 1,
                "", false, tags, event);
    }
}
