package org.alliancesearch.portal.search.i18n;

import java.util.List;
import java.util.Locale;

import org.alliancesearch.model.summary.ScoreReason;
import org.alliancesearch.portal.search.service.SearchResponse;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The summary's reasons in one language: the service gives codes, readers get words. */
public final class SummaryTexts {
    private SummaryTexts() {
    }

    public static SummaryMessages of(Locale locale) {
        return MessageBundles.get(SummaryMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    /** The answer with every reason of every summary in words. */
    public static SearchResponse localise(SearchResponse response, Locale locale) {
        if (response.summary().isEmpty()) {
            return response;
        }
        SummaryMessages msg = of(locale);
        List<SearchResponse.Summary> summary = response.summary().stream()
                .map(s -> new SearchResponse.Summary(s.value(), s.type(), s.found(), s.heldBy(), s.sightings(),
                        s.toIds(), s.firstSeen(), s.lastSeen(), s.warninglists(), s.score(),
                        s.reasons().stream()
                                .map(r -> new SearchResponse.Reason(r.code(), r.weight(), r.detail(), text(msg, r)))
                                .toList(),
                        s.pivotOf()))
                .toList();
        return response.withSummary(summary);
    }

    /** One reason in words. */
    public static String text(SummaryMessages msg, SearchResponse.Reason r) {
        String detail = r.detail() == null ? "" : r.detail();
        return switch (ScoreReason.Code.valueOf(r.code())) {
            case NOT_FOUND -> msg.reason_not_found();
            case FOUND -> msg.reason_found(r.weight());
            case ORGANISATIONS -> msg.reason_organisations(detail, r.weight());
            case TO_IDS -> msg.reason_to_ids(r.weight());
            case RECENT -> msg.reason_recent(detail, r.weight());
            case SIGHTINGS -> msg.reason_sightings(detail, r.weight());
            case THREAT_LEVEL -> switch (detail) {
                case "1" -> msg.reason_threat_high(r.weight());
                case "2" -> msg.reason_threat_medium(r.weight());
                default -> msg.reason_threat_low(r.weight());
            };
            case KILL_CHAIN -> msg.reason_kill_chain(r.weight());
            case THREAT_ACTOR_OR_MALWARE -> msg.reason_threat_actor_or_malware(r.weight());
            case WARNINGLIST_KNOWN -> msg.reason_warninglist_known(detail, r.weight());
            case WARNINGLIST_FALSE_POSITIVE -> msg.reason_warninglist_false_positive(detail, r.weight());
        };
    }
}
