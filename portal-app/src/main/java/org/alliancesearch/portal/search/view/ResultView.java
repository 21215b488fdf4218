package org.alliancesearch.portal.search.view;

import java.util.List;

/**
 * A search result as the page shows it: every text already in the user's language, every date in the user's
 * locale. Member data is only ever printed through Qute's escaping.
 *
 * @param notAnswered "2 members did not answer: …", or null
 * @param newCount for a saved search: indicators new since the last run, else null
 */
public record ResultView(String searchId, List<MemberChip> members, List<Row> rows, String summary,
        String notAnswered, boolean noMembers, Integer newCount, SearchForm.FormView form,
        List<ValueLine> values) {

    public ResultView {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public ResultView(String searchId, List<MemberChip> members, List<Row> rows, String summary, String notAnswered,
            boolean noMembers, Integer newCount, SearchForm.FormView form) {
        this(searchId, members, rows, summary, notAnswered, noMembers, newCount, form, List.of());
    }

    /**
     * One searched value at a glance.
     *
     * @param scoreClass {@code score-high}, {@code score-medium}, {@code score-low}, {@code score-none} (nobody holds
     *        it) or {@code score-benign} (on a warninglist), for the colour
     * @param held "3 organisations: …", or "not found in any member"
     * @param benign "on a warninglist: …", or null
     * @param pivotOf "host of https://…", or null
     * @param reasons the score's factors in words
     */
    public record ValueLine(String value, int score, String scoreClass, boolean found, String held, String benign,
            String pivotOf, boolean toIds, String lastSeen, List<String> reasons) {
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    /** How many members answered. */
    public int answeredCount() {
        return (int) members.stream().filter(MemberChip::answered).count();
    }

    /** Whether "no member has this" is true: at least one member answered (nobody answering is not "nothing"). */
    public boolean anyAnswered() {
        return members.stream().anyMatch(MemberChip::answered);
    }

    /**
     * One member's answer.
     *
     * @param status lower-case status, for the CSS class
     * @param label the status in a word
     * @param text the answer in words ("org-c timed out after 10 s")
     */
    public record MemberChip(String name, String organisation, String status, String label, String text,
            boolean failed) {
        /** Whether the member answered (a member that failed or is switched off did not). */
        public boolean answered() {
            return !failed && !"disabled".equals(status);
        }
    }

    /**
     * One indicator row. Sort keys are plain text for the small sorting script.
     *
     * @param unconfirmedOrganisations creator claims for other members' organisations that they did not confirm:
     *        shown apart, marked unconfirmed, never counted in {@code seenBy}
     */
    public record Row(String value, String family, List<String> types, List<String> organisations, int seenBy,
            String seenByText, String tlp, String tlpClass, List<String> tags, boolean toIds, String firstSeen,
            String lastSeen, String firstSeenKey, String lastSeenKey, List<EventLink> events, boolean isNew,
            List<String> unconfirmedOrganisations) {
    }

    /**
     * An event link: opens the event on the member's MISP; url is null when the member gave no safe link.
     *
     * @param organisation the event's creator, or null when its claim is unconfirmed
     * @param unconfirmedOrganisation the creator the copy claims without confirmation, else null
     */
    public record EventLink(String info, String url, String date, String organisation, String member,
            String unconfirmedOrganisation) {
    }
}
