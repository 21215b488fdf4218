package org.alliancesearch.portal.sighting.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of sightings sent to members. English in {@code messages/sighting_en.properties}, Japanese in
 * {@code messages/sighting_ja.properties}; templates use them as {@code {sighting:key}}.
 */
@MessageBundle(value = "sighting", locale = "en")
public interface SightingMessages {
    @Message
    String nav_sightings();

    @Message
    String admin_title();

    @Message
    String admin_intro();

    @Message
    String col_member();

    @Message
    String col_organisation();

    @Message
    String col_state();

    @Message
    String col_changed();

    @Message
    String state_enabled();

    @Message
    String state_disabled();

    @Message
    String enable();

    @Message
    String disable();

    @Message
    String done_enabled();

    @Message
    String done_disabled();

    @Message
    String never_changed();

    @Message
    String no_members();

    @Message
    String saw_button();

    @Message
    String saw_hint();

    @Message
    String result_title();

    @Message
    String result_intro(String value, String family, String source);

    @Message
    String col_outcome();

    @Message
    String col_records();

    @Message
    String outcome_sent();

    @Message
    String outcome_refused();

    @Message
    String outcome_failed(String reason);

    @Message
    String outcome_skipped();

    @Message
    String summary_counts(int sent, int refused, int failed, int skipped);

    @Message
    String back_to_search();

    @Message
    String err_nothing_to_sight();

    @Message
    String err_value_required();

    @Message
    String err_family_invalid();

    @Message
    String err_member_required();

    @Message
    String err_enabled_required();
}
