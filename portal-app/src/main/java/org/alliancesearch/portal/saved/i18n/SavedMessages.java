package org.alliancesearch.portal.saved.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of saved searches. English in {@code messages/saved_en.properties}, Japanese in
 * {@code messages/saved_ja.properties}; templates use them as {@code {saved:key}}.
 */
@MessageBundle(value = "saved", locale = "en")
public interface SavedMessages {
    @Message
    String nav_saved();

    @Message
    String saved_title();

    @Message
    String saved_intro();

    @Message
    String saved_empty();

    @Message
    String saved_new();

    @Message
    String saved_edit_title(String name);

    @Message
    String saved_name();

    @Message
    String saved_description();

    @Message
    String saved_visibility();

    @Message
    String saved_visibility_private();

    @Message
    String saved_visibility_organisation();

    @Message
    String saved_visibility_alliance();

    @Message
    String saved_owner();

    @Message
    String saved_last_run();

    @Message
    String saved_last_count();

    @Message
    String saved_never();

    @Message
    String saved_run();

    @Message
    String saved_edit();

    @Message
    String saved_delete();

    @Message
    String saved_delete_confirm(String name);

    @Message
    String saved_save();

    @Message
    String saved_cancel();

    @Message
    String saved_query();

    @Message
    String saved_run_title(String name);

    @Message
    String saved_created();

    @Message
    String saved_updated();

    @Message
    String saved_deleted();

    @Message
    String err_saved_name();

    @Message
    String err_saved_description();

    @Message
    String err_saved_visibility();

    @Message
    String detail_saved_not_found(String id);

    @Message
    String detail_saved_not_owner();

    @Message
    String err_saved_stale_version();

    @Message
    String detail_invalid_saved();
}
