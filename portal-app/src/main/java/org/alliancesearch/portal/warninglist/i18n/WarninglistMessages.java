package org.alliancesearch.portal.warninglist.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of warninglist administration. English in {@code messages/warninglist_en.properties}, Japanese in
 * {@code messages/warninglist_ja.properties}; templates use them as {@code {warninglist:key}}.
 */
@MessageBundle(value = "warninglist", locale = "en")
public interface WarninglistMessages {
    @Message
    String nav_warninglists();

    @Message
    String wl_title();

    @Message
    String wl_intro();

    @Message
    String wl_col_name();

    @Message
    String wl_col_type();

    @Message
    String wl_col_version();

    @Message
    String wl_col_entries();

    @Message
    String wl_col_state();

    @Message
    String wl_source_bundled();

    @Message
    String wl_source_uploaded(long bundled);

    @Message
    String wl_source_uploaded_only();

    @Message
    String wl_enabled();

    @Message
    String wl_disabled();

    @Message
    String wl_enable();

    @Message
    String wl_disable();

    @Message
    String wl_revert();

    @Message
    String wl_every_type();

    @Message
    String wl_upload_title();

    @Message
    String wl_upload_hint(int megabytes);

    @Message
    String wl_upload_button();

    @Message
    String wl_done_enabled();

    @Message
    String wl_done_disabled();

    @Message
    String wl_done_uploaded();

    @Message
    String wl_done_reverted();

    @Message
    String err_unknown_list(String name);

    @Message
    String err_not_newer(String name, long current);

    @Message
    String err_too_large(int megabytes);

    @Message
    String err_no_upload(String name);

    @Message
    String err_no_file();

    @Message
    String err_invalid(String reason);

    @Message
    String invalid_not_json();

    @Message
    String invalid_not_an_object();

    @Message
    String invalid_name_missing();

    @Message
    String invalid_name_too_long();

    @Message
    String invalid_description_missing();

    @Message
    String invalid_version_invalid();

    @Message
    String invalid_type_unknown(String detail);

    @Message
    String invalid_category_unknown(String detail);

    @Message
    String invalid_matching_attributes_invalid(String detail);

    @Message
    String invalid_entries_missing();

    @Message
    String invalid_too_many_entries(String detail);

    @Message
    String invalid_entry_invalid(String detail);

    @Message
    String invalid_cidr_invalid(String detail);

    @Message
    String invalid_regex_invalid(String detail);
}
