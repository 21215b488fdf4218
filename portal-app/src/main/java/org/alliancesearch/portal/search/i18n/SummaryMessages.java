package org.alliancesearch.portal.search.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the per-value summary: the score's reasons in words and the summary's labels. English in
 * {@code messages/summary_en.properties}, Japanese in {@code messages/summary_ja.properties}.
 */
@MessageBundle(value = "summary", locale = "en")
public interface SummaryMessages {
    @Message
    String summary_title();

    @Message
    String summary_hint();

    @Message
    String summary_col_value();

    @Message
    String summary_col_score();

    @Message
    String summary_col_held();

    @Message
    String summary_col_why();

    @Message
    String summary_not_found();

    @Message
    String summary_not_found_partial();

    @Message
    String summary_held_by(int count, String organisations);

    @Message
    String summary_held_by_one(String organisations);

    @Message
    String summary_warninglisted(String lists);

    @Message
    String summary_pivot_of(String value);

    @Message
    String summary_ids();

    @Message
    String summary_last_seen(String when);

    @Message
    String reason_not_found();

    @Message
    String reason_found(int weight);

    @Message
    String reason_organisations(String count, int weight);

    @Message
    String reason_to_ids(int weight);

    @Message
    String reason_recent(String days, int weight);

    @Message
    String reason_sightings(String count, int weight);

    @Message
    String reason_threat_high(int weight);

    @Message
    String reason_threat_medium(int weight);

    @Message
    String reason_threat_low(int weight);

    @Message
    String reason_kill_chain(int weight);

    @Message
    String reason_threat_actor_or_malware(int weight);

    @Message
    String reason_warninglist_known(String list, int weight);

    @Message
    String reason_warninglist_false_positive(String list, int weight);
}
