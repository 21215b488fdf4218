package org.alliancesearch.portal.extract.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of extraction from a report's URL. English in {@code messages/extract_en.properties}, Japanese in
 * {@code messages/extract_ja.properties}; templates use them as {@code {extract:key}}.
 */
@MessageBundle(value = "extract", locale = "en")
public interface ExtractMessages {
    @Message
    String extract_url();

    @Message
    String extract_url_hint();

    @Message
    String extract_fetch();

    @Message
    String extract_source(String url);

    @Message
    String extract_source_title(String title);

    @Message
    String extract_none();

    @Message
    String problem_refused();

    @Message
    String problem_invalid();

    @Message
    String problem_rate_limited();

    @Message
    String refused_url_or_text();

    @Message
    String refused_invalid();

    @Message
    String refused_scheme();

    @Message
    String refused_userinfo();

    @Message
    String refused_disabled();

    @Message
    String refused_unresolved(String host);

    @Message
    String refused_private_address(String host, String kind);

    @Message
    String refused_unreachable(String host);

    @Message
    String refused_timeout(String host, long seconds);

    @Message
    String refused_too_large(String host, long megabytes);

    @Message
    String refused_unsupported_type(String host, String type);

    @Message
    String refused_http_error(String host, long status);

    @Message
    String refused_redirects(String host, long max);

    @Message
    String refused_redirect_loop(String host);

    @Message
    String refused_unreadable(String host);

    @Message
    String refused_rate_limited(long seconds);
}
