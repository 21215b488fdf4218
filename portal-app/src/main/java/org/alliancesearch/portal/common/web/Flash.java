package org.alliancesearch.portal.common.web;

import java.util.Optional;
import java.util.function.Function;

import org.alliancesearch.portal.common.i18n.AppMessages;

/**
 * One-time messages after a form POST. The redirect carries only the name ({@code ?flash=member-created}); the text
 * comes from the message bundle, so nothing a user typed is reflected and no server session is needed.
 */
public enum Flash {
    MEMBER_CREATED("member-created", AppMessages::flash_member_created), MEMBER_UPDATED("member-updated",
            AppMessages::flash_member_updated), MEMBER_DELETED("member-deleted",
                    AppMessages::flash_member_deleted), POLICY_SAVED("policy-saved",
                            AppMessages::flash_policy_saved), PREFERENCES_SAVED("preferences-saved",
                                    AppMessages::flash_preferences_saved);

    private final String param;
    private final Function<AppMessages, String> text;

    Flash(String param, Function<AppMessages, String> text) {
        this.param = param;
        this.text = text;
    }

    public String param() {
        return param;
    }

    public String text(AppMessages messages) {
        return text.apply(messages);
    }

    public static Optional<Flash> fromParam(String param) {
        for (Flash flash : values()) {
            if (flash.param.equals(param)) {
                return Optional.of(flash);
            }
        }
        return Optional.empty();
    }
}
