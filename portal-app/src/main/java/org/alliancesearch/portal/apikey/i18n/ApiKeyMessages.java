package org.alliancesearch.portal.apikey.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of personal API keys. English in {@code messages/apikey_en.properties}, Japanese in
 * {@code messages/apikey_ja.properties}; templates use them as {@code {apikey:key}}. Kept apart from
 * {@code AppMessages} so that each feature owns its texts.
 */
@MessageBundle(value = "apikey", locale = "en")
public interface ApiKeyMessages {
    @Message
    String nav_api_keys();

    @Message
    String keys_title();

    @Message
    String keys_intro();

    @Message
    String keys_new();

    @Message
    String keys_name();

    @Message
    String keys_name_hint();

    @Message
    String keys_expiry();

    @Message
    String keys_days(int days);

    @Message
    String keys_create();

    @Message
    String keys_created_title();

    @Message
    String keys_created_once();

    @Message
    String keys_copy_hint();

    @Message
    String keys_usage(String url);

    @Message
    String keys_list();

    @Message
    String keys_empty();

    @Message
    String keys_col_name();

    @Message
    String keys_col_key();

    @Message
    String keys_col_created();

    @Message
    String keys_col_expires();

    @Message
    String keys_col_last_used();

    @Message
    String keys_never();

    @Message
    String keys_expired();

    @Message
    String keys_revoke();

    @Message
    String keys_revoke_confirm(String name);

    @Message
    String keys_revoked();

    @Message
    String err_name_required();

    @Message
    String err_name_too_long(int max);

    @Message
    String err_name_control();

    @Message
    String err_expiry_range(int max);

    @Message
    String err_too_many(int max);

    @Message
    String err_key_not_found();
}
