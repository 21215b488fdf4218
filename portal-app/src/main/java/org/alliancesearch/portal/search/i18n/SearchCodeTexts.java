package org.alliancesearch.portal.search.i18n;

import static org.alliancesearch.portal.common.web.FeatureTexts.number;
import static org.alliancesearch.portal.common.web.FeatureTexts.string;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.query.QueryViolation;
import org.alliancesearch.model.query.SearchQueryValidator;
import org.alliancesearch.portal.common.web.FeatureTexts;
import org.alliancesearch.portal.search.service.SearchValidation;

/** The search's codes ({@code search.*}: an invalid query and its fields) in the search bundle's words. */
@ApplicationScoped
public class SearchCodeTexts implements FeatureTexts {
    @Override
    public String text(String code, List<Object> args, Locale locale) {
        SearchMessages msg = SearchTexts.of(locale);
        return switch (code) {
            case SearchValidation.INVALID -> msg.detail_invalid_search();
            case SearchValidation.VIOLATION -> violation(args, msg);
            case "search.text.none" -> msg.err_text_none();
            case "search.date.invalid" -> msg.err_date_invalid(string(args, 0));
            case "search.value.not-indicator" -> msg.err_value_not_indicator(number(args, 0), number(args, 1));
            case "search.value.not-indicator.none" -> msg.err_value_not_indicator_none(number(args, 0));
            default -> null;
        };
    }

    /** A violation of the model's validator: code, value, reason, 1-based index, the model's own message. */
    static String violation(List<Object> args, SearchMessages msg) {
        String code = string(args, 0);
        String value = string(args, 1);
        int n = number(args, 3);
        if (code.endsWith(QueryViolation.TAG_BLANK) && code.contains("Tags")) {
            return msg.err_tag_blank();
        }
        if (code.endsWith(QueryViolation.TAG_WILDCARD_ONLY)) {
            return msg.err_tag_wildcard();
        }
        if (code.endsWith(QueryViolation.TAG_NUMERIC)) {
            return msg.err_tag_numeric();
        }
        if (code.endsWith(QueryViolation.TAG_OPERATOR)) {
            return msg.err_tag_operator();
        }
        return switch (code) {
            case QueryViolation.QUERY_MISSING -> msg.err_query_missing();
            case QueryViolation.VALUES_EMPTY -> msg.err_values_empty();
            case QueryViolation.VALUES_TOO_MANY -> msg.err_values_too_many(SearchQueryValidator.MAX_VALUES);
            case QueryViolation.VALUES_BLANK -> msg.err_values_blank(n);
            case QueryViolation.VALUE_INVALID -> msg.err_value_invalid(value, string(args, 2));
            case QueryViolation.VALUE_TOO_LONG -> msg.err_value_too_long(n);
            case QueryViolation.VALUE_WILDCARD_ONLY -> msg.err_value_wildcard(value);
            case QueryViolation.VALUE_NEGATED -> msg.err_value_negated(value);
            case QueryViolation.VALUE_OPERATOR -> msg.err_value_operator(value);
            case QueryViolation.TYPES_BLANK, QueryViolation.CATEGORIES_BLANK -> msg.err_types_blank();
            case QueryViolation.TYPES_UNKNOWN -> msg.err_types_unknown(value);
            case QueryViolation.CATEGORIES_UNKNOWN -> msg.err_categories_unknown(value);
            case QueryViolation.DATE_RANGE_REVERSED -> msg.err_date_reversed();
            case QueryViolation.LIMIT_RANGE -> msg.err_limit_range(SearchQueryValidator.MAX_LIMIT_PER_MEMBER);
            default -> string(args, 4);
        };
    }
}
