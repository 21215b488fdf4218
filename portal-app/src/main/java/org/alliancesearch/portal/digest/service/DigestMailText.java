package org.alliancesearch.portal.digest.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.alliancesearch.model.digest.Digest;
import org.alliancesearch.portal.common.i18n.DisplayTimes;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The weekly digest e-mail in Japanese and English (plain text), times in the subscriber's zone: the digest's
 * sections as the page shows them (failed members, shared indicators, top tags and galaxy clusters, what each member
 * added) and a link to the page. It renders the stored digest and nothing else, so it holds nothing the page would not
 * show a member.
 */
public final class DigestMailText {
    /** The most shared indicators an e-mail lists; the page has them all. */
    public static final int MAX_LISTED = 100;

    private DigestMailText() {
    }

    /** What the e-mail shows. */
    public record MailView(String userName, String week, String builtAt, String from, String to,
            List<FailedRow> failed, List<IndicatorRow> indicators, int indicatorCount, int moreIndicators,
            List<Digest.RankedTag> tags, List<ClusterRow> clusters, List<MemberRow> members, String digestUrl,
            String preferencesUrl) {
    }

    public record FailedRow(String name, String organisation, String status, String reason) {
    }

    public record IndicatorRow(String value, String types, int organisationCount, String organisations,
            String firstReported) {
    }

    public record ClusterRow(String cluster, String galaxy, int organisations) {
    }

    public record MemberRow(String name, String organisation, String status, int events, int attributes) {
    }

    /** A subject and a body. */
    public record Text(String subject, String body) {
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance digestEn(MailView digest);

        static native TemplateInstance digestJa(MailView digest);
    }

    static boolean japanese(Locale language) {
        return language != null && "ja".equals(language.getLanguage());
    }

    /** The e-mail of a week's digest for one subscriber. */
    public static Text of(LocalDate week, Digest d, String userName, Locale language, ZoneId zone, String digestUrl,
            String preferencesUrl) {
        boolean ja = japanese(language);
        Locale locale = ja ? Locale.JAPANESE : Locale.ENGLISH;
        List<Digest.SharedIndicator> all = d.indicators();
        List<IndicatorRow> indicators = all.subList(0, Math.min(MAX_LISTED, all.size())).stream()
                .map(i -> new IndicatorRow(oneLine(i.value()), oneLine(String.join(", ", i.types())),
                        i.organisations().size(), oneLine(String.join(", ", i.organisations())),
                        time(i.firstReported(), locale, zone)))
                .toList();
        MailView view = new MailView(oneLine(userName), week.toString(), time(d.builtAt(), locale, zone),
                time(d.window().from(), locale, zone), time(d.window().to(), locale, zone),
                d.failedMembers().stream().map(m -> new FailedRow(oneLine(m.name()), oneLine(m.organisation()),
                        status(m.status(), ja), oneLine(m.message()))).toList(),
                indicators, d.indicatorCount(), Math.max(0, d.indicatorCount() - indicators.size()),
                d.tags().stream().map(t -> new Digest.RankedTag(oneLine(t.name()), t.organisations())).toList(),
                d.clusters().stream().map(c -> new ClusterRow(oneLine(c.value() == null ? c.tagName() : c.value()),
                        oneLine(c.type()), c.organisations())).toList(),
                d.members().stream().map(m -> new MemberRow(oneLine(m.name()), oneLine(m.organisation()),
                        status(m.status(), ja), m.events(), m.attributes())).toList(),
                digestUrl, preferencesUrl);
        String body = (ja ? Templates.digestJa(view) : Templates.digestEn(view)).render();
        return new Text(subject(view, ja), body);
    }

    static String subject(MailView v, boolean ja) {
        int failed = v.failed().size();
        if (ja) {
            return "[アライアンス] 週次ダイジェスト（" + v.week() + " の週）: 複数組織が保有する指標 " + v.indicatorCount() + " 件"
                    + (failed > 0 ? "（" + failed + " メンバーが応答せず）" : "");
        }
        return "[Alliance] Weekly digest, week of " + v.week() + ": " + v.indicatorCount() + " shared "
                + (v.indicatorCount() == 1 ? "indicator" : "indicators")
                + (failed > 0 ? "; " + failed + " " + (failed == 1 ? "member" : "members") + " failed" : "");
    }

    /** The member's status in words, as the page words it. */
    static String status(String status, boolean ja) {
        return switch (status == null ? "" : status) {
            case "OK" -> ja ? "応答あり" : "Answered";
            case "PARTIAL" -> ja ? "一部のみ応答" : "Partly answered";
            case "TIMEOUT" -> ja ? "タイムアウト" : "Timed out";
            default -> ja ? "失敗" : "Failed";
        };
    }

    private static String time(Instant at, Locale locale, ZoneId zone) {
        return at == null ? "" : DisplayTimes.format(at, locale, zone);
    }

    /** One line of text: control characters (a line break in a subject would start a new header) become spaces. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\p{Cntrl}", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
