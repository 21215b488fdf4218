package org.alliancesearch.connector.client;

import java.util.List;

import org.alliancesearch.model.misp.MispAttribute;

/**
 * One page of one batch as read from a member.
 *
 * @param attributes the readable attributes, in the member's order
 * @param records records in the page, readable or not (drives paging)
 * @param skipped records that could not be read
 * @param serverSkipped {@code X-Skipped-Elements-Count}: rows the member removed after its LIMIT (warninglists)
 * @param cut why the read ended early, or {@link Cut#NONE}
 * @param cutMessage short reason when cut
 * @param truncated records of the page with at least one string cut to its cap ({@link StringCaps})
 */
public record PageResult(List<MispAttribute> attributes, int records, int skipped, int serverSkipped, Cut cut,
        String cutMessage, int truncated) {
    public PageResult {
        attributes = List.copyOf(attributes);
    }

    public PageResult(List<MispAttribute> attributes, int records, int skipped, int serverSkipped, Cut cut,
            String cutMessage) {
        this(attributes, records, skipped, serverSkipped, cut, cutMessage, 0);
    }

    /** How a page read ended early. */
    public enum Cut {
        NONE, BYTE_CAP, RECORD_CAP, MALFORMED,
        /** The member's or the search's byte budget ({@link ReadBudget}) is used up, or the search stopped it. */
        BUDGET
    }
}
