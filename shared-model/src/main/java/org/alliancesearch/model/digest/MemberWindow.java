package org.alliancesearch.model.digest;

import java.util.List;

import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.result.MemberRef;

/**
 * One member's answer to the window's event search, as the digest takes it.
 *
 * @param status the member's status name ({@code OK}, {@code TIMEOUT}, {@code PARTIAL} …)
 * @param failed true when the member did not answer in full: the digest names it, and its numbers may be short
 * @param message short reason when it failed (never a key or a stack trace), else null
 * @param events the events it returned, before any policy
 */
public record MemberWindow(MemberRef member, String status, boolean failed, String message,
        List<MispEventDocument> events) {
    public MemberWindow {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
