package org.alliancesearch.portal.sighting.service;

import java.util.List;

/**
 * The answer to one "we saw this too": the indicator, the source the members recorded, and each holding member's
 * result.
 *
 * @param searchId the fresh search that found the holders (its row in the search audit)
 * @param family the indicator's type family
 * @param value the indicator's canonical value
 * @param source the {@code source} sent with every sighting
 * @param members each member holding a record of the indicator that the caller may see, by name
 */
public record SightingReport(String searchId, String family, String value, String source,
        List<MemberSighting> members) {
    public SightingReport {
        members = List.copyOf(members);
    }

    /**
     * One member's result.
     *
     * @param outcome the member's result: {@code SKIPPED} when it has not opted in, else the worst of its records'
     *        (FAILED, then REFUSED, then SENT)
     * @param records each of its records that were sighted (none when skipped)
     */
    public record MemberSighting(String memberId, String name, String organisation, SightingOutcome outcome,
            List<RecordSighting> records) {
        public MemberSighting {
            records = List.copyOf(records);
        }
    }

    /**
     * One record's result at one member.
     *
     * @param attributeUuid the MISP attribute uuid sent
     * @param reason why it was refused or failed (the member's cleaned text or the connector's own), else null
     */
    public record RecordSighting(String attributeUuid, SightingOutcome outcome, String reason) {
    }

    public long count(SightingOutcome outcome) {
        return members.stream().filter(m -> m.outcome() == outcome).count();
    }
}
