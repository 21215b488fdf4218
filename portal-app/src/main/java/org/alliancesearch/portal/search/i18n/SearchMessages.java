package org.alliancesearch.portal.search.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of search. English in
 * {@code messages/search_en.properties}, Japanese in {@code messages/search_ja.properties}; templates use them as
 * {@code {search:key}}. Kept apart from {@code AppMessages} so that each feature owns its texts.
 */
@MessageBundle(value = "search", locale = "en")
public interface SearchMessages {
    @Message
    String nav_search();

    @Message
    String search_title();

    @Message
    String search_intro();

    @Message
    String search_values();

    @Message
    String search_text();

    @Message
    String search_text_hint();

    @Message
    String search_filters();

    @Message
    String search_types();

    @Message
    String search_types_hint();

    @Message
    String search_tags_include();

    @Message
    String search_tags_exclude();

    @Message
    String search_tags_hint();

    @Message
    String search_from();

    @Message
    String search_to();

    @Message
    String search_to_ids();

    @Message
    String search_to_ids_any();

    @Message
    String search_to_ids_yes();

    @Message
    String search_to_ids_no();

    @Message
    String search_limit();

    @Message
    String search_submit();

    @Message
    String search_extract();

    @Message
    String search_extracted_title();

    @Message
    String search_extracted_intro();

    @Message
    String search_extracted_count(int count);

    @Message
    String search_extracted_none();

    @Message
    String search_invalid();

    @Message
    String search_progress(int answered, int total);

    @Message
    String search_progress_replied(int answered, int total);

    @Message
    String search_event_via(String member);

    @Message
    String search_not_recorded_title();

    @Message
    String search_not_recorded();

    @Message
    String search_waiting();

    @Message
    String search_results();

    @Message
    String search_results_count(int indicators, int attributes, int duplicates);

    @Message
    String search_empty();

    @Message
    String search_empty_hint();

    @Message
    String search_no_members();

    @Message
    String search_not_answered(int count, String reasons);

    @Message
    String search_not_answered_one(String reasons);

    @Message
    String search_filter_results();

    @Message
    String search_filter_hint();

    @Message
    String search_seen_by(int count);

    @Message
    String search_seen_by_one();

    @Message
    String search_org_unconfirmed();

    @Message
    String search_org_unconfirmed_hint();

    @Message
    String search_col_value();

    @Message
    String search_col_types();

    @Message
    String search_col_seen();

    @Message
    String search_col_orgs();

    @Message
    String search_col_tlp();

    @Message
    String search_col_tags();

    @Message
    String search_col_first();

    @Message
    String search_col_last();

    @Message
    String search_col_events();

    @Message
    String search_new();

    @Message
    String search_new_count(int count);

    @Message
    String search_export();

    @Message
    String search_export_hint();

    @Message
    String search_save();

    @Message
    String search_sort_hint();

    @Message
    String search_ids_yes();

    @Message
    String search_rate_limited(int limit, long seconds);

    @Message
    String search_rate_limited_title();

    @Message
    String search_concurrent(int limit, long seconds);

    @Message
    String search_concurrent_title();

    @Message
    String search_busy(long seconds);

    @Message
    String search_busy_title();

    @Message
    String status_ok(String member, int hits, String latency);

    @Message
    String status_partial(String member, int hits, String latency);

    @Message
    String status_timeout(String member, String latency);

    @Message
    String status_unauthorized(String member);

    @Message
    String status_error(String member, String message);

    @Message
    String status_circuit_open(String member);

    @Message
    String status_rejected(String member);

    @Message
    String status_disabled(String member);

    @Message
    String status_label_ok();

    @Message
    String status_label_partial();

    @Message
    String status_label_timeout();

    @Message
    String status_label_unauthorized();

    @Message
    String status_label_error();

    @Message
    String status_label_circuit_open();

    @Message
    String status_label_rejected();

    @Message
    String status_label_disabled();

    @Message
    String err_query_missing();

    @Message
    String err_values_empty();

    @Message
    String err_values_too_many(int max);

    @Message
    String err_values_blank(int n);

    @Message
    String err_value_invalid(String value, String reason);

    @Message
    String err_value_too_long(int n);

    @Message
    String err_value_wildcard(String value);

    @Message
    String err_value_negated(String value);

    @Message
    String err_value_operator(String value);

    @Message
    String err_types_blank();

    @Message
    String err_types_unknown(String value);

    @Message
    String err_categories_unknown(String value);

    @Message
    String err_tag_blank();

    @Message
    String err_tag_wildcard();

    @Message
    String err_tag_numeric();

    @Message
    String err_tag_operator();

    @Message
    String err_date_reversed();

    @Message
    String err_date_invalid(String value);

    @Message
    String err_limit_range(int max);

    @Message
    String err_text_none();

    @Message
    String err_value_not_indicator(int n, int count);

    @Message
    String search_text_not_sent();

    @Message
    String err_value_not_indicator_none(int n);

    @Message
    String err_format(String value);

    @Message
    String detail_invalid_search();

    @Message
    String detail_rate_limited(int limit, long seconds);

    @Message
    String status_ok_live(String member, String latency);

    @Message
    String status_partial_live(String member, String latency);

}
