package org.alliancesearch.model.merge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/** Builders for hand-made member answers. */
public final class Hits {
    private Hits() {
    }

    public static MemberRef member(String id, String organisation) {
        return new MemberRef(id, "MISP " + id, organisation, "https://misp." + id + ".example");
    }

    public static MispEvent event(String uuid, String orgc, String... eventTags) {
        return event(uuid, orgc, LocalDate.of(2024, 1, 1), eventTags);
    }

    public static MispEvent event(String uuid, String orgc, LocalDate date, String... eventTags) {
        List<MispTag> tags = new ArrayList<>();
        for (String t : eventTags) {
            tags.add(new MispTag(t, true));
        }
        return new MispEvent("1", uuid, "event " + uuid, date, orgc, null, 2, true, Instant.EPOCH, 1, tags);
    }

    public static Attr attr(String uuid, String type, String value) {
        return new Attr(uuid, type, value);
    }

    public static MemberHit hit(MemberRef member, Attr attr) {
        return new MemberHit(member, attr.build());
    }

    /** An attribute under construction. */
    public static final class Attr {
        private final String uuid;
        private final String type;
        private final String value;
        private String category = "Network activity";
        private boolean toIds;
        private Instant timestamp = Instant.parse("2024-01-01T00:00:00Z");
        private Instant firstSeen;
        private Instant lastSeen;
        private boolean deleted;
        private final List<MispTag> tags = new ArrayList<>();
        private MispEvent event;

        Attr(String uuid, String type, String value) {
            this.uuid = uuid;
            this.type = type;
            this.value = value;
        }

        public Attr category(String c) {
            category = c;
            return this;
        }

        public Attr toIds(boolean b) {
            toIds = b;
            return this;
        }

        public Attr timestamp(String iso) {
            timestamp = iso == null ? null : Instant.parse(iso);
            return this;
        }

        public Attr seen(String first, String last) {
            firstSeen = first == null ? null : Instant.parse(first);
            lastSeen = last == null ? null : Instant.parse(last);
            return this;
        }

        public Attr deleted() {
            deleted = true;
            return this;
        }

        public Attr tags(String... names) {
            for (String n : names) {
                tags.add(new MispTag(n, false));
            }
            return this;
        }

        /** Tags as MISP copies them from the event with {@code includeEventTags}. */
        public Attr inherited(String... names) {
            for (String n : names) {
                tags.add(new MispTag(n, true));
            }
            return this;
        }

        public Attr event(MispEvent e) {
            event = e;
            return this;
        }

        public MispAttribute build() {
            return new MispAttribute("1", uuid, event == null ? null : event.id(), "0", null, category, type, value,
                    toIds, timestamp, firstSeen, lastSeen, 5, "", deleted, tags, event);
        }
    }
}
