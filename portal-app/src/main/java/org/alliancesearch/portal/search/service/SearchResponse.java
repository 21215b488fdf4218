package org.alliancesearch.portal.search.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code POST /api/v1/search}: every member asked, the merged indicators and the counts.
 *
 * @param searchId the id of this search (also the id of its audit row)
 * @param members each member asked, in a stable order
 * @param indicators merged, deduplicated and policy-filtered indicators, the most widely seen first
 * @param totals the counts of the merge
 * @param newSinceLastRun for a saved search run again: how many indicators the previous run did not have, else null
 * @param summary one entry per searched value, in the order searched, each followed by its pivots
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(String searchId, List<Member> members, List<Indicator> indicators, Totals totals,
        Integer newSinceLastRun, List<Summary> summary) {

    public SearchResponse {
        summary = summary == null ? List.of() : List.copyOf(summary);
    }

    /** An answer without summaries (whole-event searches). */
    public SearchResponse(String searchId, List<Member> members, List<Indicator> indicators, Totals totals,
            Integer newSinceLastRun) {
        this(searchId, members, indicators, totals, newSinceLastRun, List.of());
    }

    /** The same answer with other indicators and count of new ones (a saved search run again). */
    public SearchResponse withIndicators(List<Indicator> indicators, Integer newSinceLastRun) {
        return new SearchResponse(searchId, members, indicators, totals, newSinceLastRun, summary);
    }

    /** The same answer with the reasons of each summary put in words. */
    public SearchResponse withSummary(List<Summary> summary) {
        return new SearchResponse(searchId, members, indicators, totals, newSinceLastRun, summary);
    }

    /**
     * What the alliance knows of one searched value.
     *
     * @param value the canonical value
     * @param type the MISP type it was searched as ({@code text} for free text)
     * @param found whether any member's answer holds it, after the policy
     * @param heldBy the organisations whose own answers hold it
     * @param sightings sightings members reported
     * @param toIds whether a holder flags it for detection
     * @param warninglists the enabled warninglists it is on (known-benign values)
     * @param score 0 to 100, see docs/scoring.md
     * @param reasons the factors of the score
     * @param pivotOf the searched value it was derived from (a URL's host), or null
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Summary(String value, String type, boolean found, List<String> heldBy, int sightings,
            boolean toIds, Instant firstSeen, Instant lastSeen, List<String> warninglists, int score,
            List<Reason> reasons, @JsonInclude(JsonInclude.Include.NON_NULL) String pivotOf) {
    }

    /**
     * One factor of a score.
     *
     * @param code the factor ({@code FOUND}, {@code ORGANISATIONS}, {@code TO_IDS}, {@code RECENT}, …)
     * @param weight the points it added, negative for a warninglist
     * @param detail the factor's value (a count, days, a threat level, a list name), or null
     * @param text the factor in words, in the request's language
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String code, int weight, String detail, String text) {
    }

    /**
     * One member's part.
     *
     * @param status OK, PARTIAL, TIMEOUT, UNAUTHORIZED, ERROR, CIRCUIT_OPEN, REJECTED or DISABLED
     * @param hits distinct attributes of this member that the answer shows (after the policy)
     * @param skipped records the member sent that could not be read
     * @param message why it did not answer completely (null when OK)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Member(String memberId, String member, String organisation, String status, long latencyMs,
            int hits, int skipped, String message) {
    }

    /**
     * One indicator across the alliance.
     *
     * @param organisations creator organisations that hold it
     * @param members the member instances that returned it (display names)
     * @param tlp the effective (most restrictive) TLP tag, e.g. {@code tlp:amber}, or null
     * @param isNew true when a saved search run again found it for the first time; null outside saved searches
     * @param unconfirmedOrganisations organisations of alliance members that a record claims as its creator while no
     *        member of theirs returned it: not in {@code organisations} and not counted
     * @param pivotOf the searched value this indicator answers as a pivot (the URL whose host it is), or null
     * @param composites the composite records ({@code domain|ip}, {@code filename|sha256}, …) counted here because
     *        the search asked for one of their halves, with the half that matched
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(String value, String family, List<String> types, List<String> categories,
            List<String> organisations, List<String> members, String tlp, List<String> tags, boolean toIds,
            Instant firstSeen, Instant lastSeen, List<Event> events, @JsonProperty("new") Boolean isNew,
            List<String> unconfirmedOrganisations, String pivotOf,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Composite> composites) {

        public Indicator {
            composites = composites == null ? List.of() : List.copyOf(composites);
        }

        public Indicator(String value, String family, List<String> types, List<String> categories,
                List<String> organisations, List<String> members, String tlp, List<String> tags, boolean toIds,
                Instant firstSeen, Instant lastSeen, List<Event> events, Boolean isNew,
                List<String> unconfirmedOrganisations, String pivotOf) {
            this(value, family, types, categories, organisations, members, tlp, tags, toIds, firstSeen, lastSeen,
                    events, isNew, unconfirmedOrganisations, pivotOf, List.of());
        }

        public Indicator(String value, String family, List<String> types, List<String> categories,
                List<String> organisations, List<String> members, String tlp, List<String> tags, boolean toIds,
                Instant firstSeen, Instant lastSeen, List<Event> events, Boolean isNew,
                List<String> unconfirmedOrganisations) {
            this(value, family, types, categories, organisations, members, tlp, tags, toIds, firstSeen, lastSeen,
                    events, isNew, unconfirmedOrganisations, null);
        }
    }

    /**
     * A composite record counted under the indicator of one of its halves.
     *
     * @param type the MISP type, e.g. {@code domain|ip}
     * @param value the whole value, halves canonical
     * @param half {@code LEFT} or {@code RIGHT}: the half that is this indicator
     */
    public record Composite(String type, String value, String half) {
    }

    /**
     * An event an indicator appears in; {@code url} opens it on the member's MISP.
     *
     * @param organisation the creator organisation, or null when the copy's claim is unconfirmed
     * @param unconfirmedOrganisation the creator the copy claims without confirmation (another member's
     *        organisation that did not return the event), else null
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Event(String uuid, String info, LocalDate date, String organisation, String member, String url,
            String unconfirmedOrganisation) {
    }

    /**
     * Counts of what is shown only: what the policy removed is never counted here (the search audit keeps it for
     * administrators), so that a value held only under a hidden marking answers like a value nobody holds.
     *
     * @param indicators distinct indicators shown
     * @param attributes attribute copies behind the indicators shown (synchronised copies counted each time)
     * @param duplicates of those, synchronised copies of an attribute already counted (same uuid)
     */
    public record Totals(int indicators, int attributes, int duplicates) {
    }
}
