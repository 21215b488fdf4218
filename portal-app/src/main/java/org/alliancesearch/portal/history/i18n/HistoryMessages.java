package org.alliancesearch.portal.history.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of "My searches". English in {@code messages/history_en.properties}, Japanese in
 * {@code messages/history_ja.properties}; templates use them as {@code {history:key}}.
 */
@MessageBundle(value = "history", locale = "en")
public interface HistoryMessages {
    @Message
    String nav_history();

    @Message
    String history_title();

    @Message
    String history_intro(int days, int max);

    @Message
    String history_empty();

    @Message
    String history_col_time();

    @Message
    String history_col_values();

    @Message
    String history_col_found();

    @Message
    String history_col_actions();

    @Message
    String history_more(int count);

    @Message
    String history_found(int found, int values, int indicators);

    @Message
    String history_members(int answered, int failed);

    @Message
    String history_source_page();

    @Message
    String history_source_api();

    @Message
    String history_source_saved();

    @Message
    String history_filters();

    @Message
    String history_rerun();

    @Message
    String history_save();

    @Message
    String history_delete();

    @Message
    String history_delete_all();

    @Message
    String history_delete_all_confirm();

    @Message
    String history_deleted();

    @Message
    String history_all_deleted(int count);

    @Message
    String history_unconfirmed();

    @Message
    String history_older();

    @Message
    String err_not_found();

    @Message
    String err_subject_invalid();

    @Message
    String err_limit(int max);

    @Message
    String err_before();
}
