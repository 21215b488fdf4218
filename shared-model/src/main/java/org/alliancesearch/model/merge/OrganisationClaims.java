package org.alliancesearch.model.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/**
 * Which creator claims of one search are not confirmed: a member speaks for its own organisation and for organisations
 * that have no member in the alliance, never for another member's organisation.
 *
 * <p>
 * A record's creator claim is its event's {@code Orgc}. The claim names an alliance organisation when its uuid is
 * that organisation's MISP organisation uuid, or its name (trimmed, ignoring case) is the organisation's name as
 * the admin gave it or as its MISP reports it. A claim that names the organisation of the member that returned the
 * record is the member speaking for itself; a claim that names another alliance organisation X is confirmed only if a
 * member of X returned the same attribute (same uuid, indicator and event uuid) in this search, and an event's claim
 * only if a member of X returned an attribute of that event and every record the member placed in it is confirmed.
 * Claims naming no alliance organisation (copies
 * synchronised from outside) stand. The merge files an unconfirmed claim under
 * {@link MergedIndicator#unconfirmedOrganisations()}, never under its organisations, and marks the event.
 *
 * <p>
 * Members are one organisation when the admin gave them the same organisation name (trimmed, ignoring case); what a
 * member's MISP reports of its own organisation only adds the names and uuid that organisation is known by (so a MISP
 * claiming another member's organisation as its own gains nothing: that organisation is then named by both, and a
 * claim for it still needs the other's confirmation). Built by one pass over the hits; a second pass runs only when some record claims another
 * alliance organisation (a synchronised copy, or a forgery). Immutable once built.
 */
public final class OrganisationClaims {
    private static final OrganisationClaims NONE = new OrganisationClaims(Set.of(), Set.of());

    private final Set<MemberHit> unconfirmedHits;
    private final Set<MispEvent> unconfirmedEvents;

    private OrganisationClaims(Set<MemberHit> unconfirmedHits, Set<MispEvent> unconfirmedEvents) {
        this.unconfirmedHits = unconfirmedHits;
        this.unconfirmedEvents = unconfirmedEvents;
    }

    /** No claim checked: every creator claim stands (a merge of hits without knowing the alliance). */
    public static OrganisationClaims none() {
        return NONE;
    }

    /** Whether every claim stands. */
    public boolean isEmpty() {
        return unconfirmedHits.isEmpty() && unconfirmedEvents.isEmpty();
    }

    /** Whether this hit's creator claim names another member's organisation without that member confirming it. */
    public boolean unconfirmed(MemberHit hit) {
        return !unconfirmedHits.isEmpty() && unconfirmedHits.contains(hit);
    }

    /** Whether this event object's creator claim is unconfirmed (by identity, as the hits hold it). */
    public boolean unconfirmed(MispEvent event) {
        return !unconfirmedEvents.isEmpty() && unconfirmedEvents.contains(event);
    }

    /**
     * Checks the creator claims of the hits.
     *
     * @param alliance every member of the alliance that was asked (answered or not): their organisations are the ones
     *        no other member may speak for
     * @param hits the hits of the search
     */
    public static OrganisationClaims check(Collection<MemberRef> alliance, Collection<MemberHit> hits) {
        if (alliance == null || alliance.isEmpty() || hits.isEmpty()) {
            return NONE;
        }
        Organisations orgs = new Organisations(alliance);
        // Pass 1: records whose creator claim names an alliance organisation other than the returning member's own.
        List<MemberHit> suspects = null;
        List<int[]> suspectTargets = null;
        MispEvent lastEvent = null;
        MemberRef lastMember = null;
        int[] lastTargets = null;
        for (MemberHit hit : hits) {
            MispEvent e = hit.attribute().event();
            if (e == null || isBlank(e.orgcName())) {
                // The creator shown is the member's own organisation.
                continue;
            }
            int[] targets;
            if (e == lastEvent && hit.member() == lastMember) {
                targets = lastTargets;
            } else {
                targets = orgs.othersNamed(e.orgcName(), e.orgcUuid(), orgs.of(hit.member()));
                lastEvent = e;
                lastMember = hit.member();
                lastTargets = targets;
            }
            if (targets.length == 0) {
                continue;
            }
            if (suspects == null) {
                suspects = new ArrayList<>();
                suspectTargets = new ArrayList<>();
            }
            suspects.add(hit);
            suspectTargets.add(targets);
        }
        if (suspects == null) {
            return NONE;
        }
        // Pass 2: what the claimed organisations' own members returned.
        boolean[] needed = new boolean[orgs.count()];
        for (int[] targets : suspectTargets) {
            for (int t : targets) {
                needed[t] = true;
            }
        }
        Set<String> attributes = new HashSet<>();
        Set<String> events = new HashSet<>();
        for (MemberHit hit : hits) {
            int org = orgs.of(hit.member());
            if (org < 0 || !needed[org]) {
                continue;
            }
            MispAttribute a = hit.attribute();
            String eventUuid = eventUuid(a);
            if (eventUuid != null) {
                events.add(org + "\u0000" + eventUuid);
            }
            if (!isBlank(a.uuid())) {
                attributes.add(attributeKey(org, a, eventUuid));
            }
        }
        Set<MemberHit> unconfirmedHits = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<MispEvent> unconfirmedEvents = Collections.newSetFromMap(new IdentityHashMap<>());
        // A member's copy of an event is unconfirmed when the claimed organisation did not return the event, or when
        // any record the member placed in it is unconfirmed (a record planted in the owner's real event): for every
        // copy of that event uuid from that member, whichever page object holds it, so the result keeps no order.
        Set<String> unconfirmedEventCopies = new HashSet<>();
        for (int i = 0; i < suspects.size(); i++) {
            MemberHit hit = suspects.get(i);
            MispAttribute a = hit.attribute();
            String eventUuid = eventUuid(a);
            boolean eventUnconfirmed = false;
            for (int t : suspectTargets.get(i)) {
                if (isBlank(a.uuid()) || !attributes.contains(attributeKey(t, a, eventUuid))) {
                    unconfirmedHits.add(hit);
                    eventUnconfirmed = true;
                }
                if (eventUuid == null || !events.contains(t + "\u0000" + eventUuid)) {
                    eventUnconfirmed = true;
                }
            }
            if (eventUnconfirmed) {
                if (eventUuid == null) {
                    unconfirmedEvents.add(a.event());
                } else {
                    unconfirmedEventCopies.add(hit.member().id() + "\u0000" + eventUuid);
                }
            }
        }
        if (!unconfirmedEventCopies.isEmpty()) {
            for (MemberHit hit : suspects) {
                String eventUuid = eventUuid(hit.attribute());
                if (eventUuid != null && unconfirmedEventCopies.contains(hit.member().id() + "\u0000" + eventUuid)) {
                    unconfirmedEvents.add(hit.attribute().event());
                }
            }
        }
        return unconfirmedHits.isEmpty() && unconfirmedEvents.isEmpty()
                ? NONE
                : new OrganisationClaims(unconfirmedHits, unconfirmedEvents);
    }

    private static String attributeKey(int org, MispAttribute a, String eventUuid) {
        IndicatorKey key = Indicators.key(a.type(), a.value());
        return org + "\u0000" + a.uuid().strip().toLowerCase(Locale.ROOT) + "\u0000" + key.family() + "\u0000"
                + key.value() + "\u0000" + (eventUuid == null ? "" : eventUuid);
    }

    private static String eventUuid(MispAttribute a) {
        MispEvent e = a.event();
        return e == null || isBlank(e.uuid()) ? null : e.uuid().strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** The alliance's organisations, each with the uuids and names it is known by, and each member's. */
    private static final class Organisations {
        private final List<Set<String>> uuids = new ArrayList<>();
        private final List<Set<String>> names = new ArrayList<>();
        private final Map<MemberRef, Integer> ofMember = new HashMap<>();
        private static final int[] NONE_NAMED = new int[0];
        /** The organisations a claimed name or uuid (as sent) names, by the string as sent. */
        private final Map<String, int[]> byRawName = new HashMap<>();
        private final Map<String, int[]> byRawUuid = new HashMap<>();

        Organisations(Collection<MemberRef> alliance) {
            // One organisation per name the admin gave (trimmed, ignoring case): what a member's own MISP says of
            // itself adds names and a uuid to its organisation, but never joins it to another, so that a hostile
            // MISP reporting another member's organisation as its own cannot speak for that organisation.
            Map<String, Integer> byAdminName = new HashMap<>();
            for (MemberRef m : alliance) {
                String admin = fold(m.organisation());
                Integer org = byAdminName.get(admin);
                if (org == null) {
                    org = uuids.size();
                    byAdminName.put(admin, org);
                    uuids.add(new HashSet<>());
                    names.add(new HashSet<>());
                    names.get(org).add(admin);
                }
                if (!isBlank(m.mispOrganisationUuid())) {
                    uuids.get(org).add(fold(m.mispOrganisationUuid()));
                }
                if (!isBlank(m.mispOrganisation())) {
                    names.get(org).add(fold(m.mispOrganisation()));
                }
                ofMember.put(m, org);
            }
        }

        int count() {
            return uuids.size();
        }

        /** The member's organisation, or -1 for a member not in the alliance list. */
        int of(MemberRef member) {
            Integer org = ofMember.get(member);
            return org == null ? -1 : org;
        }

        /**
         * The alliance organisations other than {@code own} that a claim names, by uuid or by name. Looked up by the
         * strings as the member sent them (their hashes are kept in the strings): no allocation for the usual claim.
         */
        int[] othersNamed(String orgcName, String orgcUuid, int own) {
            int[] byName = byRawName.get(orgcName);
            if (byName == null) {
                byName = named(names, fold(orgcName));
                byRawName.put(orgcName, byName);
            }
            int[] byUuid = NONE_NAMED;
            if (orgcUuid != null) {
                byUuid = byRawUuid.get(orgcUuid);
                if (byUuid == null) {
                    byUuid = isBlank(orgcUuid) ? NONE_NAMED : named(uuids, fold(orgcUuid));
                    byRawUuid.put(orgcUuid, byUuid);
                }
            }
            int[] all = byUuid.length == 0 || Arrays.equals(byName, byUuid) ? byName : union(byName, byUuid);
            if (all.length == 0 || (all.length == 1 && all[0] != own)) {
                return all;
            }
            int n = 0;
            int[] out = new int[all.length];
            for (int org : all) {
                if (org != own) {
                    out[n++] = org;
                }
            }
            return n == 0 ? NONE_NAMED : Arrays.copyOf(out, n);
        }

        private static int[] named(List<Set<String>> known, String folded) {
            int[] out = new int[known.size()];
            int n = 0;
            for (int i = 0; i < known.size(); i++) {
                if (known.get(i).contains(folded)) {
                    out[n++] = i;
                }
            }
            return n == 0 ? NONE_NAMED : Arrays.copyOf(out, n);
        }

        private static int[] union(int[] a, int[] b) {
            int[] out = Arrays.copyOf(a, a.length + b.length);
            int n = a.length;
            for (int x : b) {
                if (Arrays.stream(a).noneMatch(y -> y == x)) {
                    out[n++] = x;
                }
            }
            Arrays.sort(out, 0, n);
            return Arrays.copyOf(out, n);
        }
    }
}
