package org.alliancesearch.model.mispapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

import org.alliancesearch.model.indicator.Normaliser;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispLike;
import org.alliancesearch.model.misp.MispTag;

/**
 * What the portal checks itself on every attribute the members return, after the merge: members may ignore filters,
 * and some forms (NOT, AND, event ids, times) cannot be sent at all. Empty terms and null ranges let everything
 * through.
 *
 * @param value AND and NOT values (OR values were sent, and the members' answers are checked against them already);
 *        a value matches either half of a composite value ({@code domain|ip}), as in MISP
 * @param attributeTime on the attribute's timestamp ({@code timestamp}, {@code attribute_timestamp})
 * @param eventTime on the event's timestamp ({@code event_timestamp})
 * @param publishTime on the event's publication ({@code last}, {@code publish_timestamp}): members send no publish
 *        timestamp with attributes, so a published event's timestamp (its last change, at or before publication in
 *        the usual case) stands for it, and an unpublished event never passes
 * @param onlyDeleted {@code deleted: "only"}: the portal never shows deleted records, so nothing passes
 */
public record LocalFilter(MispTerms value, MispTerms type, MispTerms category, MispTerms tags, MispTerms eventId,
        MispTerms uuid, MispTerms org, MispTerms distribution, MispTerms objectRelation, MispTerms threatLevel,
        TimeRange attributeTime, TimeRange eventTime, TimeRange publishTime, boolean onlyDeleted) {

    /** A filter that lets everything through. */
    public static final LocalFilter NONE = new LocalFilter(MispTerms.NONE, MispTerms.NONE, MispTerms.NONE,
            MispTerms.NONE, MispTerms.NONE, MispTerms.NONE, MispTerms.NONE, MispTerms.NONE, MispTerms.NONE,
            MispTerms.NONE, null, null, null, false);

    private static final BiPredicate<String, String> SAME = (c, t) -> c.equalsIgnoreCase(t.strip());
    private static final BiPredicate<String, String> LIKE = (c, t) -> MispLike.isPattern(t)
            ? MispLike.compile(t.strip()).matcher(c).matches()
            : c.equalsIgnoreCase(t.strip());

    /** Whether the attribute passes. */
    public boolean test(AllianceAttribute a) {
        if (onlyDeleted) {
            return false;
        }
        MispAttribute at = a.attribute();
        MispEvent e = at.event();
        if (!new MispTerms(List.of(), value.and(), value.not()).test(values(at), LocalFilter::sameValue)) {
            return false;
        }
        if (!type.test(list(at.type()), SAME) || !category.test(list(at.category()), SAME)) {
            return false;
        }
        if (!tags.isEmpty()) {
            List<String> names = new ArrayList<>();
            a.tags().stream().map(MispTag::name).forEach(names::add);
            a.eventTags().stream().map(MispTag::name).forEach(names::add);
            if (!tags.test(names, LIKE)) {
                return false;
            }
        }
        String eventUuid = e == null ? null : e.uuid();
        if (!eventId.test(eventUuid == null ? List.of() : List.of(eventUuid, MispIds.of(eventUuid)), SAME)) {
            return false;
        }
        List<String> uuids = new ArrayList<>(list(at.uuid()));
        uuids.addAll(list(eventUuid));
        if (!uuid.test(uuids, SAME)) {
            return false;
        }
        List<String> orgs = new ArrayList<>(list(a.creator()));
        orgs.addAll(list(a.creatorUuid()));
        if (!org.test(orgs, LIKE)) {
            return false;
        }
        if (!distribution.test(list(at.distribution() == null ? null : at.distribution().toString()), SAME)
                || !objectRelation.test(list(at.objectRelation()), SAME)
                || !threatLevel.test(list(e == null || e.threatLevelId() == null
                        ? null
                        : e.threatLevelId().toString()), SAME)) {
            return false;
        }
        if (attributeTime != null && !attributeTime.contains(at.timestamp())) {
            return false;
        }
        if (eventTime != null && (e == null || !eventTime.contains(e.timestamp()))) {
            return false;
        }
        return publishTime == null
                || (e != null && !Boolean.FALSE.equals(e.published()) && publishTime.contains(e.timestamp()));
    }

    private static List<String> list(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s);
    }

    /** The value and, for a composite value, each half: MISP matches a search value on either. */
    private static List<String> values(MispAttribute a) {
        List<String> out = new ArrayList<>();
        if (a.value() == null) {
            return out;
        }
        out.add(a.value());
        if (a.type() != null && a.type().indexOf('|') >= 0 && a.value().indexOf('|') >= 0) {
            for (String half : a.value().split("\\|", -1)) {
                if (!half.isBlank()) {
                    out.add(half);
                }
            }
        }
        return out;
    }

    static boolean sameValue(String candidate, String term) {
        if (MispLike.isPattern(term)) {
            return MispLike.compile(term.strip()).matcher(candidate).matches();
        }
        return canonical(candidate).equals(canonical(term));
    }

    static String canonical(String value) {
        return Normaliser.normalise(value).valueOr(value.strip()).toLowerCase(Locale.ROOT);
    }
}
