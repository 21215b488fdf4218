package org.alliancesearch.portal.digest.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the weekly digest. English in {@code messages/digest_en.properties}, Japanese in
 * {@code messages/digest_ja.properties}; templates use them as {@code {digest:key}}.
 */
@MessageBundle(value = "digest", locale = "en")
public interface DigestMessages {
    @Message
    String nav_digest();

    @Message
    String digest_title();

    @Message
    String digest_intro();

    @Message
    String digest_empty();

    @Message
    String digest_built(String at);

    @Message
    String digest_window(String from, String to);

    @Message
    String digest_failed_title();

    @Message
    String digest_failed_intro();

    @Message
    String digest_failed_none();

    @Message
    String digest_indicators_title();

    @Message
    String digest_indicators_count(int shown, int total);

    @Message
    String digest_indicators_none();

    @Message
    String digest_tags_title();

    @Message
    String digest_tags_none();

    @Message
    String digest_clusters_title();

    @Message
    String digest_clusters_none();

    @Message
    String digest_activity_title();

    @Message
    String digest_col_indicator();

    @Message
    String digest_col_types();

    @Message
    String digest_col_organisations();

    @Message
    String digest_col_first();

    @Message
    String digest_col_tag();

    @Message
    String digest_col_galaxy();

    @Message
    String digest_col_cluster();

    @Message
    String digest_col_member();

    @Message
    String digest_col_organisation();

    @Message
    String digest_col_status();

    @Message
    String digest_col_reason();

    @Message
    String digest_col_events();

    @Message
    String digest_col_attributes();

    @Message
    String digest_status_ok();

    @Message
    String digest_status_partial();

    @Message
    String digest_status_timeout();

    @Message
    String digest_status_error();

    @Message
    String err_no_digest();

    @Message
    String prefs_digest_title();

    @Message
    String prefs_digest_help();

    @Message
    String prefs_digest_on();

    @Message
    String prefs_digest_status_on(String email, String language, String zone);

    @Message
    String prefs_digest_status_off();

    @Message
    String prefs_digest_no_email();

    @Message
    String prefs_digest_save();

    @Message
    String flash_digest_subscribed();

    @Message
    String flash_digest_unsubscribed();

    @Message
    String detail_subscription_invalid();

    @Message
    String err_subscribed_required();

    @Message
    String err_language();

    @Message
    String err_zone();

    @Message
    String err_no_email();
}
