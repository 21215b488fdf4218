package org.alliancesearch.portal.search.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.merge.IndicatorEvent;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.portal.common.i18n.DisplayTimes;
import org.alliancesearch.portal.common.i18n.MemberMessageTexts;
import org.alliancesearch.portal.search.i18n.SearchMessages;
import org.alliancesearch.portal.search.i18n.SummaryMessages;
import org.alliancesearch.portal.search.i18n.SummaryTexts;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.SearchResponse;

/** Builds the page's view of results and member answers in one language. */
public final class ResultViews {
    private final SearchMessages msg;
    private final Locale locale;
    private final DisplayTimes.PageTime times;
    private final DateTimeFormatter date;

    /** Views in the reader's language, with times in the reader's zone. */
    public ResultViews(SearchMessages msg, Locale locale, java.time.ZoneId zone) {
        this.msg = msg;
        this.locale = locale;
        this.times = DisplayTimes.of(locale, zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    public ResultView result(CompletedSearch done, SearchForm.FormView form, Integer newCount) {
        List<ResultView.MemberChip> chips = done.outcomes().stream().map(this::chip).toList();
        List<String> reasons = new ArrayList<>();
        for (ResultView.MemberChip chip : chips) {
            if (chip.failed()) {
                reasons.add(chip.text());
            }
        }
        String notAnswered = reasons.isEmpty()
                ? null
                : reasons.size() == 1
                        ? msg.search_not_answered_one(reasons.get(0))
                        : msg.search_not_answered(reasons.size(), String.join("; ", reasons));
        List<ResultView.Row> rows = new ArrayList<>();
        List<MergedIndicator> merged = done.merged().indicators();
        for (int i = 0; i < merged.size(); i++) {
            SearchResponse.Indicator api = done.response().indicators().get(i);
            rows.add(row(merged.get(i), Boolean.TRUE.equals(api.isNew())));
        }
        SearchResponse.Totals t = done.response().totals();
        String summary = msg.search_results_count(t.indicators(), t.attributes(), t.duplicates());
        return new ResultView(done.response().searchId(), chips, rows, summary, notAnswered, chips.isEmpty(),
                newCount, form, values(done.response().summary(), !reasons.isEmpty()));
    }

    /** The summary lines; "not found" says "in the members that answered" when some did not. */
    private List<ResultView.ValueLine> values(List<SearchResponse.Summary> summaries, boolean someFailed) {
        SummaryMessages texts = SummaryTexts.of(locale);
        List<ResultView.ValueLine> lines = new ArrayList<>(summaries.size());
        for (SearchResponse.Summary s : summaries) {
            String held = !s.found()
                    ? someFailed ? texts.summary_not_found_partial() : texts.summary_not_found()
                    : s.heldBy().size() == 1
                            ? texts.summary_held_by_one(s.heldBy().get(0))
                            : texts.summary_held_by(s.heldBy().size(), String.join(", ", s.heldBy()));
            String benign = s.warninglists().isEmpty()
                    ? null
                    : texts.summary_warninglisted(String.join(", ", s.warninglists()));
            String scoreClass = !s.warninglists().isEmpty()
                    ? "score-benign"
                    : !s.found()
                            ? "score-none"
                            : s.score() >= 70
                                    ? "score-high"
                                    : s.score() >= 40
                                            ? "score-medium"
                                            : "score-low";
            List<String> reasons = s.reasons().stream().map(r -> SummaryTexts.text(texts, r)).toList();
            lines.add(new ResultView.ValueLine(s.value(), s.score(), scoreClass, s.found(), held, benign,
                    s.pivotOf() == null ? null : texts.summary_pivot_of(s.pivotOf()), s.toIds(),
                    s.lastSeen() == null ? null : texts.summary_last_seen(format(s.lastSeen())), reasons));
        }
        return lines;
    }

    /** A member's chip in the finished result: its count is of the records shown (after the policy). */
    public ResultView.MemberChip chip(MemberOutcome o) {
        return chip(o, true);
    }

    /**
     * A member's chip while the search runs: its status without a count. Counts come with the result, once the policy
     * has been applied and the search audited: a raw count would tell that a member holds hidden records.
     */
    public ResultView.MemberChip liveChip(MemberOutcome o) {
        return chip(o, false);
    }

    private ResultView.MemberChip chip(MemberOutcome o, boolean counted) {
        String name = o.member().name();
        String latency = latency(o.latencyMs());
        String text = switch (o.status()) {
            case OK -> counted ? msg.status_ok(name, o.hitCount(), latency) : msg.status_ok_live(name, latency);
            case PARTIAL -> counted
                    ? msg.status_partial(name, o.hitCount(), latency)
                    : msg.status_partial_live(name, latency);
            case TIMEOUT -> msg.status_timeout(name, latency);
            case UNAUTHORIZED -> msg.status_unauthorized(name);
            case ERROR -> msg.status_error(name,
                    o.message() == null ? "" : MemberMessageTexts.localise(o.message(), locale));
            case CIRCUIT_OPEN -> msg.status_circuit_open(name);
            case REJECTED -> msg.status_rejected(name);
            case DISABLED -> msg.status_disabled(name);
        };
        String label = switch (o.status()) {
            case OK -> msg.status_label_ok();
            case PARTIAL -> msg.status_label_partial();
            case TIMEOUT -> msg.status_label_timeout();
            case UNAUTHORIZED -> msg.status_label_unauthorized();
            case ERROR -> msg.status_label_error();
            case CIRCUIT_OPEN -> msg.status_label_circuit_open();
            case REJECTED -> msg.status_label_rejected();
            case DISABLED -> msg.status_label_disabled();
        };
        boolean failed = o.status() != MemberStatus.OK && o.status() != MemberStatus.PARTIAL
                && o.status() != MemberStatus.DISABLED;
        return new ResultView.MemberChip(name, o.member().organisation(),
                o.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), label, text, failed);
    }

    /** "850 ms", "2.5 s", "10 s". */
    static String latency(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        double s = ms / 1000.0;
        if (s >= 10 || Math.abs(s - Math.rint(s)) < 0.05) {
            return Math.round(s) + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private ResultView.Row row(MergedIndicator i, boolean isNew) {
        int seenBy = i.organisations().size();
        String seenText = seenBy == 1 ? msg.search_seen_by_one() : msg.search_seen_by(seenBy);
        String tlp = i.tlp() == null ? null : i.tlp().tagName();
        String tlpClass = i.tlp() == null ? "tlp-none" : "tlp-" + i.tlp().code().replace('+', '-');
        List<ResultView.EventLink> events = i.events().stream().map(this::event).toList();
        return new ResultView.Row(i.value(), i.family(), i.types(), i.organisations(), seenBy, seenText, tlp,
                tlpClass, i.tags(), i.toIds(), format(i.firstSeen()), format(i.lastSeen()), key(i.firstSeen()),
                key(i.lastSeen()), events, isNew, i.unconfirmedOrganisations());
    }

    private ResultView.EventLink event(IndicatorEvent e) {
        return new ResultView.EventLink(e.info() == null ? e.uuid() : e.info(), e.url(), format(e.date()),
                e.organisation(), e.memberName(), e.unconfirmedOrganisation());
    }

    private String format(Instant instant) {
        return times.format(instant);
    }

    private String format(LocalDate day) {
        return day == null ? "" : date.format(day);
    }

    private static String key(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public Locale locale() {
        return locale;
    }
}
