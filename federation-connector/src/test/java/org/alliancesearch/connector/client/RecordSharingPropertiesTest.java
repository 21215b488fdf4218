package org.alliancesearch.connector.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link RecordSharing} against its plain reference ({@link PlainRecordSharing}): for any sequence of records, with
 * parts repeated as the same instance (as the reader hands them over), as equal copies, or new, both give records equal
 * to those read, holding the very same part instances (and events that are one where the reference's are one).
 */
class RecordSharingPropertiesTest {
    private static final List<Function<MispAttribute, Object>> PARTS = List.of(MispAttribute::eventId,
            MispAttribute::objectId, MispAttribute::objectRelation, MispAttribute::category, MispAttribute::type,
            MispAttribute::value, MispAttribute::timestamp, MispAttribute::firstSeen, MispAttribute::lastSeen,
            MispAttribute::comment, MispAttribute::tags);
    private static final List<Function<MispEvent, Object>> EVENT_PARTS = List.of(MispEvent::id, MispEvent::uuid,
            MispEvent::info, MispEvent::orgcName, MispEvent::orgcUuid, MispEvent::timestamp, MispEvent::tags);

    @Property(tries = 300)
    void sharingGivesWhatThePlainSharingGives(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int count) {
        List<MispAttribute> read = records(new Random(seed), count);
        RecordSharing sharing = new RecordSharing();
        PlainRecordSharing plain = new PlainRecordSharing();
        // Each makes its own shared event: one event of the reference is one event of the sharing, and the other way.
        Map<MispEvent, MispEvent> events = new IdentityHashMap<>();
        Map<MispEvent, MispEvent> eventsBack = new IdentityHashMap<>();

        for (MispAttribute a : read) {
            MispAttribute shared = sharing.share(a);
            MispAttribute reference = plain.share(a);

            assertThat(shared).isEqualTo(a).isEqualTo(reference);
            for (Function<MispAttribute, Object> part : PARTS) {
                assertThat(part.apply(shared)).isSameAs(part.apply(reference));
            }
            assertThat(shared.event() == null).isEqualTo(reference.event() == null);
            if (reference.event() != null) {
                for (Function<MispEvent, Object> part : EVENT_PARTS) {
                    assertThat(part.apply(shared.event())).isSameAs(part.apply(reference.event()));
                }
                assertThat(events.computeIfAbsent(reference.event(), e -> shared.event())).isSameAs(shared.event());
                assertThat(eventsBack.computeIfAbsent(shared.event(), e -> reference.event()))
                        .isSameAs(reference.event());
            }
        }
    }

    /**
     * Records whose every part is, at random, the last record's instance (most of an answer), or a value drawn from a
     * few: the instance drawn before or an equal copy of it. With nulls, and the same text in several parts.
     */
    private static List<MispAttribute> records(Random random, int count) {
        Pool pool = new Pool(random);
        List<MispAttribute> out = new ArrayList<>();
        MispAttribute last = null;
        for (int i = 0; i < count; i++) {
            MispAttribute fresh = fresh(pool, i);
            if (last == null) {
                out.add(fresh);
                last = fresh;
                continue;
            }
            MispAttribute l = last;
            MispAttribute a = new MispAttribute(fresh.id(), fresh.uuid(), pick(random, l.eventId(), fresh.eventId()),
                    pick(random, l.objectId(), fresh.objectId()), pick(random, l.objectRelation(),
                            fresh.objectRelation()),
                    pick(random, l.category(), fresh.category()), pick(random, l.type(), fresh.type()),
                    pick(random, l.value(), fresh.value()), random.nextBoolean(),
                    pick(random, l.timestamp(), fresh.timestamp()), pick(random, l.firstSeen(), fresh.firstSeen()),
                    pick(random, l.lastSeen(), fresh.lastSeen()), random.nextInt(3) == 0 ? null : random.nextInt(5),
                    pick(random, l.comment(), fresh.comment()), random.nextInt(10) == 0,
                    pick(random, l.tags(), fresh.tags()), pick(random, l.event(), fresh.event()),
                    random.nextInt(3));
            out.add(a);
            last = a;
        }
        return out;
    }

    /** Mostly the last record's instance, as the reader hands it over again. */
    private static <T> T pick(Random random, T last, T fresh) {
        return random.nextInt(4) == 0 ? fresh : last;
    }

    private static MispAttribute fresh(Pool pool, int i) {
        return new MispAttribute(String.valueOf(i + 1), "uuid-" + i, pool.text("1", "2", "0"),
                pool.text("0", "1", null), pool.text(null, "ip", "domain"),
                pool.text("Network activity", "External analysis", "1"), pool.text("domain", "ip-dst", "text"),
                pool.text("evil.example", "198.51.100.7", "0"), true, pool.time(), pool.time(),
                pool.random.nextBoolean() ? null : pool.time(), 1, pool.text("", "seen", null), false, pool.tags(),
                pool.event(), 0);
    }

    /** Values drawn at random: mostly the instance drawn before for the same content, else an equal copy. */
    private static final class Pool {
        final Random random;
        private final Map<Object, Object> drawn = new java.util.HashMap<>();

        Pool(Random random) {
            this.random = random;
        }

        @SuppressWarnings("unchecked")
        private <T> T drawn(T value) {
            Object before = drawn.putIfAbsent(value, value);
            return before != null && random.nextInt(4) != 0 ? (T) before : value;
        }

        String text(String... texts) {
            String t = texts[random.nextInt(texts.length)];
            return t == null ? null : drawn(new String(t.toCharArray()));
        }

        Instant time() {
            return random.nextInt(5) == 0 ? null : drawn(Instant.ofEpochSecond(1_796_511_600L + random.nextInt(3)));
        }

        List<MispTag> tags() {
            return drawn(switch (random.nextInt(4)) {
                case 0 -> List.<MispTag>of();
                case 1 -> List.of(new MispTag(text("tlp:green", "tlp:amber"), random.nextBoolean()));
                default -> List.of(new MispTag("tlp:green", false), new MispTag(text("malware", "c2"), true));
            });
        }

        MispEvent event() {
            if (random.nextInt(6) == 0) {
                return null;
            }
            return drawn(new MispEvent(text("1", "2"), text("e-1", "e-2"), text("info", "other"),
                    LocalDate.of(2026, 12, 1), text("org-a", "org-b"), null, 2, random.nextBoolean(), time(), 1,
                    tags()));
        }
    }
}
