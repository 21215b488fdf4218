package org.alliancesearch.portal.searchaudit.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the search audit. English in {@code messages/searchaudit_en.properties}, Japanese in
 * {@code messages/searchaudit_ja.properties}; templates use them as {@code {searchaudit:key}}.
 */
@MessageBundle(value = "searchaudit", locale = "en")
public interface SearchAuditMessages {
    @Message
    String nav_audit();

    @Message
    String audit_value_in_url();

    @Message
    String audit_title();

    @Message
    String audit_intro();

    @Message
    String audit_user();

    @Message
    String audit_organisation();

    @Message
    String audit_from();

    @Message
    String audit_to();

    @Message
    String audit_value();

    @Message
    String audit_value_hint();

    @Message
    String audit_filter();

    @Message
    String audit_time();

    @Message
    String audit_source();

    @Message
    String audit_values();

    @Message
    String audit_hashed(int count);

    @Message
    String audit_members();

    @Message
    String audit_counts();

    @Message
    String audit_empty();

    @Message
    String audit_page(int page, int pages, long total);

    @Message
    String audit_previous();

    @Message
    String audit_next();

    @Message
    String err_audit_date(String value);

    @Message
    String err_audit_page();

    @Message
    String detail_invalid_audit();

    @Message
    String audit_member_counts(int hits, int removed);
}
