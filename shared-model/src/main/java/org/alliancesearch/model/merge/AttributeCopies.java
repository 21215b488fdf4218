package org.alliancesearch.model.merge;

import java.util.ArrayList;

import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/**
 * All copies of one attribute: one uuid with one content (indicator key and event uuid), and everything its copies
 * contribute to the indicator, gathered while the hits are read so that the input is walked once. A copy under the
 * same uuid with other content is another attribute, chained through {@link #sameUuid}.
 */
final class AttributeCopies extends SeenRange {
    final IndicatorAggregate indicator;
    final String eventUuid;
    AttributeCopies sameUuid;
    /** Tag facts ({@link TagTable#DROP} …) and TLP rank; bytes, as this object is made once per attribute. */
    byte flags;
    byte tlpRank;
    boolean deleted;
    boolean toIds;
    int copyCount;
    /**
     * The copy that speaks for the record's fields (type, category, to_ids, timestamps, tags, creator):
     * {@link IndicatorMerger#compareSpeakers}. The fields below are that copy's only; holders, deletion and the
     * policy's tag facts are every copy's.
     */
    MemberHit speaker;
    boolean speakerStands;
    /** Tag spellings of the speaking copy and of its event: the first 128 inline, more in {@link #more}. */
    long tags0;
    long tags1;
    /** Member slots of the copies: the first 64 inline (one object less per attribute), more in {@link #more}. */
    long memberBits;
    /** Interned strings (compared by identity). */
    String type;
    String category;
    String organisation;
    /** The speaking copy's creator claim names another member's organisation unconfirmed. */
    boolean organisationUnconfirmed;
    /**
     * What few attributes have (a 129th tag spelling, a 65th member, or a second event): one reference here
     * instead of three keeps this object, made once per attribute, small.
     */
    Overflow more;
    /**
     * The event of the copies, with the copy that stands for it (event object and member), kept inline: the
     * indicator copies them into arrays of its own, so that building its events does not chase an object per event.
     * More than one event only for events without a uuid.
     */
    EventFacts eventKey;
    MispEvent eventSource;
    MemberRef eventMember;

    AttributeCopies(IndicatorAggregate indicator, String eventUuid) {
        this.indicator = indicator;
        this.eventUuid = eventUuid;
    }

    private Overflow more() {
        if (more == null) {
            more = new Overflow();
        }
        return more;
    }

    TagSet moreMembers() {
        return more == null ? null : more.members;
    }

    ArrayList<EventCopy> moreEvents() {
        return more == null ? null : more.events;
    }

    void addTag(int bit) {
        if (bit < 64) {
            tags0 |= 1L << bit;
        } else if (bit < 128) {
            tags1 |= 1L << bit;
        } else {
            more().tags().add(bit);
        }
    }

    void addTags(TagSet set) {
        tags0 |= set.w0;
        tags1 |= set.w1;
        if (set.more != null) {
            more().tags().addAll(set);
        }
    }

    /** Adds this attribute's tag spellings to a set. */
    void addTagsTo(TagSet set) {
        set.w0 |= tags0;
        set.w1 |= tags1;
        if (more != null && more.tags != null) {
            set.addAll(more.tags);
        }
    }

    void addMember(int slot) {
        if (slot < 64) {
            memberBits |= 1L << slot;
        } else {
            more().members().add(slot);
        }
    }

    boolean sameContent(IndicatorAggregate otherIndicator, String otherEventUuid) {
        return indicator == otherIndicator && (eventUuid == null
                ? otherEventUuid == null
                : eventUuid.equals(otherEventUuid));
    }

    /** Forgets the fields of the copy that spoke so far: another copy speaks now. */
    void clearFields() {
        tags0 = 0;
        tags1 = 0;
        if (more != null) {
            more.tags = null;
        }
        first = null;
        last = null;
        toIds = false;
    }

    void offerEvent(EventFacts facts, MispEvent e, MemberRef member) {
        if (eventKey == null) {
            eventKey = facts;
            eventSource = e;
            eventMember = member;
            return;
        }
        if (eventKey == facts) {
            if (EventCopy.replaces(e, member, eventSource, eventMember)) {
                eventSource = e;
                eventMember = member;
            }
            return;
        }
        ArrayList<EventCopy> moreEvents = more().events;
        if (moreEvents == null) {
            moreEvents = new ArrayList<>(2);
            more.events = moreEvents;
        }
        for (int i = 0, n = moreEvents.size(); i < n; i++) {
            if (moreEvents.get(i).key == facts) {
                moreEvents.get(i).offer(e, member);
                return;
            }
        }
        moreEvents.add(new EventCopy(facts, e, member));
    }

    /** The rare parts of {@link AttributeCopies}. */
    static final class Overflow {
        TagSet tags;
        TagSet members;
        /** Further events; more than one event only for events without a uuid. */
        ArrayList<EventCopy> events;

        TagSet tags() {
            if (tags == null) {
                tags = new TagSet();
            }
            return tags;
        }

        TagSet members() {
            if (members == null) {
                members = new TagSet();
            }
            return members;
        }
    }
}
