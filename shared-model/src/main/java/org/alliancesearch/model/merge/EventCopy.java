package org.alliancesearch.model.merge;

import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.result.MemberRef;

/**
 * One event of an indicator: the copy from its creator's own instance stands for it, else the one from the member
 * with the smallest id.
 */
final class EventCopy {
    final EventFacts key;
    MispEvent event;
    MemberRef member;

    EventCopy(EventFacts key, MispEvent event, MemberRef member) {
        this.key = key;
        this.event = event;
        this.member = member;
    }

    void offer(MispEvent e, MemberRef m) {
        if (replaces(e, m, event, member)) {
            event = e;
            member = m;
        }
    }

    /** Whether the copy (e, m) stands for its event rather than the copy (event, member) chosen so far. */
    static boolean replaces(MispEvent e, MemberRef m, MispEvent event, MemberRef member) {
        if (e == event && m == member) {
            return false;
        }
        // The creator's own instance speaks for its event, so another member's (possibly doctored) copy never
        // replaces it; member organisations are set by the admin, not by members.
        int c = Boolean.compare(IndicatorMerger.fromCreator(event, member), IndicatorMerger.fromCreator(e, m));
        if (c == 0) {
            c = m.id().compareTo(member.id());
        }
        if (c == 0) {
            c = compareNullable(m.name(), member.name());
        }
        if (c == 0) {
            c = compareNullable(m.organisation(), member.organisation());
        }
        if (c == 0) {
            c = compareNullable(m.baseUrl(), member.baseUrl());
        }
        if (c == 0) {
            c = compareNullable(m.mispOrganisationUuid(), member.mispOrganisationUuid());
        }
        if (c == 0) {
            c = compareNullable(m.mispOrganisation(), member.mispOrganisation());
        }
        if (c == 0) {
            c = compareNullable(e.id(), event.id());
        }
        if (c == 0) {
            c = compareNullable(e.info(), event.info());
        }
        if (c == 0) {
            c = compareNullable(e.orgcName(), event.orgcName());
        }
        if (c == 0) {
            c = compareNullable(e.date() == null ? null : e.date().toString(),
                    event.date() == null ? null : event.date().toString());
        }
        if (c == 0) {
            c = Integer.compare(e.threatLevelId() == null ? 0 : e.threatLevelId(),
                    event.threatLevelId() == null ? 0 : event.threatLevelId());
        }
        if (c == 0) {
            // An empty uuid and none are the same event (keyed by its id) but show differently.
            c = compareNullable(e.uuid(), event.uuid());
        }
        return c < 0;
    }

    private static int compareNullable(String a, String b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        return a.compareTo(b);
    }
}
