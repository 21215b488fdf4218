package org.alliancesearch.portal.warninglist.i18n;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.warninglist.InvalidWarninglistException;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.web.FeatureTexts;
import org.alliancesearch.portal.warninglist.service.WarninglistAdmin;
import org.alliancesearch.portal.warninglist.service.WarninglistRefusedException;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The warninglist texts in one language, a refused change as the problem the API and pages show, and the page's done
 * actions.
 */
@ApplicationScoped
public class WarninglistTexts implements FeatureTexts {
    @Override
    public String text(String code, List<Object> args, Locale locale) {
        WarninglistMessages msg = of(locale);
        return switch (code) {
            case "warninglist-enabled" -> msg.wl_done_enabled();
            case "warninglist-disabled" -> msg.wl_done_disabled();
            case "warninglist-uploaded" -> msg.wl_done_uploaded();
            case "warninglist-reverted" -> msg.wl_done_reverted();
            default -> null;
        };
    }

    public static WarninglistMessages of(Locale locale) {
        return MessageBundles.get(WarninglistMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    /** A refused change as a problem: 404, 400 (with the field {@code file} and the file's fault), 409 or 413. */
    public static ProblemException problem(WarninglistRefusedException e, WarninglistMessages msg) {
        int megabytes = WarninglistAdmin.MAX_UPLOAD_BYTES / (1024 * 1024);
        return switch (e.reason()) {
            case UNKNOWN_LIST -> ProblemException.notFound(msg.err_unknown_list(e.name()));
            case NO_UPLOAD -> ProblemException.conflict(msg.err_no_upload(e.name()), List.of());
            case NOT_NEWER -> ProblemException.conflict(msg.err_not_newer(e.name(), e.current()),
                    List.of(new FieldError("version", "warninglist.not-newer",
                            msg.err_not_newer(e.name(), e.current()), null)));
            case TOO_LARGE -> new ProblemException(413, "too-large", msg.err_too_large(megabytes),
                    List.of(new FieldError("file", "warninglist.too-large", msg.err_too_large(megabytes), null)));
            case INVALID_FILE -> {
                String reason = invalid(e.invalid(), msg);
                yield ProblemException.invalid(msg.err_invalid(reason),
                        List.of(new FieldError("file", "warninglist." + code(e.invalid().code()), reason, null)));
            }
        };
    }

    /** The stable code of a file fault: {@code TYPE_UNKNOWN} → {@code type-unknown}. */
    public static String code(InvalidWarninglistException.Code code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String invalid(InvalidWarninglistException e, WarninglistMessages msg) {
        String d = e.detail() == null ? "" : shorten(e.detail());
        return switch (e.code()) {
            case NOT_JSON -> msg.invalid_not_json();
            case NOT_AN_OBJECT -> msg.invalid_not_an_object();
            case NAME_MISSING -> msg.invalid_name_missing();
            case NAME_TOO_LONG -> msg.invalid_name_too_long();
            case DESCRIPTION_MISSING -> msg.invalid_description_missing();
            case VERSION_INVALID -> msg.invalid_version_invalid();
            case TYPE_UNKNOWN -> msg.invalid_type_unknown(d);
            case CATEGORY_UNKNOWN -> msg.invalid_category_unknown(d);
            case MATCHING_ATTRIBUTES_INVALID -> msg.invalid_matching_attributes_invalid(d);
            case ENTRIES_MISSING -> msg.invalid_entries_missing();
            case TOO_MANY_ENTRIES -> msg.invalid_too_many_entries(d);
            case ENTRY_INVALID -> msg.invalid_entry_invalid(d);
            case CIDR_INVALID -> msg.invalid_cidr_invalid(d);
            case REGEX_INVALID -> msg.invalid_regex_invalid(d);
        };
    }

    /** A detail from the file, cut so that a hostile file cannot fill the page. */
    private static String shorten(String detail) {
        String clean = detail.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= 120 ? clean : clean.substring(0, 119) + "…";
    }
}
