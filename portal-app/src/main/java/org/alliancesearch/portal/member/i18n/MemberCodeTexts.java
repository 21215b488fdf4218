package org.alliancesearch.portal.member.i18n;

import static org.alliancesearch.portal.common.web.FeatureTexts.number;
import static org.alliancesearch.portal.common.web.FeatureTexts.string;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.i18n.AppMessages;
import org.alliancesearch.portal.common.i18n.Languages;
import org.alliancesearch.portal.common.web.FeatureTexts;

/** The member service's codes ({@code member.*}) and the member pages' done actions in the common bundle's words. */
@ApplicationScoped
public class MemberCodeTexts implements FeatureTexts {
    private final Languages languages;

    public MemberCodeTexts(Languages languages) {
        this.languages = languages;
    }

    @Override
    public String text(String code, List<Object> args, Locale locale) {
        AppMessages msg = languages.messages(locale);
        return switch (code) {
            case "member.invalid" -> msg.detail_invalid_member();
            case "member.not-found" -> msg.detail_member_not_found(string(args, 0));
            case "member.duplicate" -> msg.detail_duplicate_url();
            case "member.url.duplicate" -> msg.err_url_duplicate();
            case "member.url.https-required" -> msg.err_url_https();
            case "member.url.invalid" -> msg.err_url_invalid();
            case "member.url.scheme" -> msg.err_url_scheme();
            case "member.url.userinfo" -> msg.err_url_userinfo();
            case "member.url.query" -> msg.err_url_query();
            case "member.url.link-local" -> msg.err_url_link_local();
            case "member.url.metadata" -> msg.err_url_metadata();
            case "member.url.loopback" -> msg.err_url_loopback();
            case "member.url.unspecified" -> msg.err_url_unspecified();
            case "member.api-key.url-change" -> msg.err_api_key_url_change();
            case "member.timeout.range" -> msg.err_timeout_range(number(args, 0), number(args, 1));
            case "member.tls-pin" -> msg.err_tls_pin();
            case "member.tls-anchor" -> msg.err_tls_anchor();
            case "member.client-pair" -> msg.err_client_pair();
            case "member.pem.certificate" -> msg.err_pem_certificate();
            case "member.pem.key" -> msg.err_pem_key();
            case "member-created" -> msg.flash_member_created();
            case "member-updated" -> msg.flash_member_updated();
            case "member-deleted" -> msg.flash_member_deleted();
            default -> null;
        };
    }
}
