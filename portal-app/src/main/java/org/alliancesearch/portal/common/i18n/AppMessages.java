package org.alliancesearch.portal.common.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text the portal shows to people. The English texts are in {@code messages/msg_en.properties}, the Japanese
 * ones in {@code messages/msg_ja.properties}; templates use them as {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface AppMessages {
    // --- layout
    @Message
    String app_name();

    @Message
    String nav_home();

    @Message
    String nav_members();

    @Message
    String nav_health();

    @Message
    String nav_policy();

    @Message
    String nav_logout();

    @Message
    String skip_to_content();

    // --- home and access pages
    @Message
    String home_title();

    @Message
    String home_welcome(String user);

    @Message
    String home_search_title();

    @Message
    String home_admin_hint();

    @Message
    String noorg_title();

    @Message
    String noorg_text(String user);

    @Message
    String forbidden_title();

    @Message
    String forbidden_text();

    @Message
    String notfound_title();

    @Message
    String notfound_text();

    @Message
    String signin_unavailable_title();

    @Message
    String signin_unavailable_text();

    @Message
    String signin_unavailable_retry();

    // --- members
    @Message
    String members_title();

    @Message
    String members_empty();

    @Message
    String members_add();

    @Message
    String member_name();

    @Message
    String member_organisation();

    @Message
    String member_url();

    @Message
    String member_url_hint();

    @Message
    String member_api_key();

    @Message
    String member_api_key_hint_new();

    @Message
    String member_api_key_hint_edit();

    @Message
    String member_verify_tls();

    @Message
    String member_ca_pem();

    @Message
    String member_client_cert_pem();

    @Message
    String member_client_key_pem();

    @Message
    String member_client_key_hint_edit();

    @Message
    String member_timeout_ms();

    @Message
    String member_enabled();

    @Message
    String member_policy_max_tlp();

    @Message
    String member_policy_drop_tags();

    @Message
    String member_policy_hint();

    @Message
    String member_policy_none();

    @Message
    String member_status();

    @Message
    String member_updated();

    @Message
    String member_edit();

    @Message
    String member_delete();

    @Message
    String member_delete_confirm(String name);

    @Message
    String member_test();

    @Message
    String member_save();

    @Message
    String member_create_title();

    @Message
    String member_edit_title(String name);

    @Message
    String enabled_yes();

    @Message
    String enabled_no();

    @Message
    String actions();

    @Message
    String cancel();

    @Message
    String back_to_members();

    // --- connection test
    @Message
    String test_title(String name);

    @Message
    String test_ok();

    @Message
    String test_failed();

    @Message
    String test_status();

    @Message
    String test_version();

    @Message
    String test_org();

    @Message
    String test_role();

    @Message
    String test_permissions();

    @Message
    String test_latency();

    @Message
    String test_message();

    // --- health
    @Message
    String health_title();

    @Message
    String health_intro();

    @Message
    String health_status();

    @Message
    String health_last_call();

    @Message
    String health_last_success();

    @Message
    String health_latency();

    @Message
    String health_error_rate();

    @Message
    String health_calls();

    @Message
    String health_circuit();

    @Message
    String health_never();

    @Message
    String health_message();

    // --- policy
    @Message
    String policy_title();

    @Message
    String policy_intro();

    @Message
    String policy_max_tlp();

    @Message
    String policy_drop_tags();

    @Message
    String policy_drop_tags_hint();

    @Message
    String policy_save();

    @Message
    String policy_updated(String by, String at);

    // --- flash messages after a form
    @Message
    String flash_member_created();

    @Message
    String flash_member_updated();

    @Message
    String flash_member_deleted();

    @Message
    String flash_policy_saved();

    @Message
    String form_errors();

    // --- validation
    @Message
    String err_required();

    @Message
    String err_too_long(int max);

    @Message
    String err_url_invalid();

    @Message
    String err_url_scheme();

    @Message
    String err_url_userinfo();

    @Message
    String err_url_query();

    @Message
    String err_url_link_local();

    @Message
    String err_url_metadata();

    @Message
    String err_url_loopback();

    @Message
    String err_url_unspecified();

    @Message
    String err_url_duplicate();

    @Message
    String err_timeout_range(int min, int max);

    @Message
    String err_pem_certificate();

    @Message
    String err_pem_key();

    @Message
    String err_zone_unknown();

    @Message
    String nav_preferences();

    @Message
    String prefs_title();

    @Message
    String prefs_zone_label();

    @Message
    String prefs_zone_default(String zone);

    @Message
    String prefs_zone_help(String zone);

    @Message
    String prefs_save();

    @Message
    String flash_preferences_saved();

    @Message
    String err_client_pair();

    @Message
    String err_tlp(String allowed);

    @Message
    String err_tag();

    @Message
    String err_policy_floor();

    @Message
    String err_stale_version();

    @Message
    String detail_stale_version();

    @Message
    String err_api_key_url_change();

    @Message
    String err_url_https();

    @Message
    String err_tls_anchor();

    @Message
    String err_tls_pin();

    @Message
    String member_tls_pin();

    @Message
    String member_tls_pin_hint();

    // --- API problems
    @Message
    String problem_validation();

    @Message
    String problem_malformed();

    @Message
    String problem_not_found();

    @Message
    String problem_conflict();

    @Message
    String problem_unauthorized();

    @Message
    String problem_forbidden();

    @Message
    String problem_no_org();

    @Message
    String problem_internal();

    @Message
    String problem_database_unavailable();

    @Message
    String detail_invalid_member();

    @Message
    String detail_invalid_policy();

    @Message
    String detail_member_not_found(String id);

    @Message
    String detail_duplicate_url();

    @Message
    String detail_unauthorized();

    @Message
    String detail_token_invalid();

    @Message
    String detail_forbidden();

    @Message
    String detail_cross_site();

    @Message
    String detail_form_required();

    @Message
    String detail_no_org();

    @Message
    String detail_malformed();

    @Message
    String detail_malformed_field(String field);

    @Message
    String detail_internal();

    @Message
    String detail_database_unavailable();

    @Message
    String detail_not_found_path();

    // --- the language switch
    @Message
    String lang_switch();

    @Message
    String lang_en();

    @Message
    String lang_ja();
}
