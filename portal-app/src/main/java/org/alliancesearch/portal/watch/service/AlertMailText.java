package org.alliancesearch.portal.watch.service;

import java.util.List;
import java.util.Locale;

import org.alliancesearch.portal.common.i18n.DisplayTimes;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The text of alert e-mails in Japanese and English (plain text: nothing in them is markup, nothing needs escaping),
 * times in the watcher's zone. Long lists are cut: the inbox holds the whole alert.
 */
public final class AlertMailText {
    /** The most indicators (and new organisations) an e-mail lists. */
    public static final int MAX_LISTED = 200;

    private AlertMailText() {
    }

    /** What an alert e-mail shows. */
    public record AlertView(String ownerName, String watchName, String createdAt, boolean firstRun,
            List<String> newIndicators, int moreIndicators, int indicatorCount,
            List<WatchDiff.NewOrganisation> newOrganisations,
            int moreOrganisations, int organisationCount, List<String> failedMembers, String inboxUrl) {
        public boolean nothingNew() {
            return indicatorCount == 0 && organisationCount == 0;
        }
    }

    /** What a "watch paused" e-mail shows. */
    public record PausedView(String ownerName, String watchName, String pausedAt, String reason, String inboxUrl) {
    }

    /** A subject and a body. */
    public record Text(String subject, String body) {
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance alertEn(AlertView alert);

        static native TemplateInstance alertJa(AlertView alert);

        static native TemplateInstance pausedEn(PausedView paused);

        static native TemplateInstance pausedJa(PausedView paused);
    }

    static boolean japanese(Locale language) {
        return language != null && "ja".equals(language.getLanguage());
    }

    public static AlertView view(WatchAlert alert, String inboxUrl) {
        List<String> indicators = alert.newIndicators();
        List<WatchDiff.NewOrganisation> organisations = alert.newOrganisations();
        return new AlertView(oneLine(alert.ownerName()), oneLine(alert.watchName()),
                DisplayTimes.format(alert.createdAt(), language(alert), alert.zone()), alert.firstRun(),
                indicators.subList(0, Math.min(MAX_LISTED, indicators.size())),
                Math.max(0, indicators.size() - MAX_LISTED), indicators.size(),
                organisations.subList(0, Math.min(MAX_LISTED, organisations.size())),
                Math.max(0, organisations.size() - MAX_LISTED), organisations.size(),
                List.copyOf(alert.failedMembers()), inboxUrl);
    }

    /** The alert e-mail in the watcher's language. */
    public static Text alert(WatchAlert alert, String inboxUrl) {
        AlertView view = view(alert, inboxUrl);
        boolean ja = japanese(alert.language());
        String body = (ja ? Templates.alertJa(view) : Templates.alertEn(view)).render();
        return new Text(alertSubject(view, ja), body);
    }

    /** The "watch paused" e-mail in the watcher's language. */
    public static Text paused(WatchAlert lastAlert, String reason, java.time.Instant at, String inboxUrl) {
        boolean ja = japanese(lastAlert.language());
        PausedView view = new PausedView(oneLine(lastAlert.ownerName()), oneLine(lastAlert.watchName()),
                DisplayTimes.format(at, language(lastAlert), lastAlert.zone()), oneLine(reason), inboxUrl);
        String body = (ja ? Templates.pausedJa(view) : Templates.pausedEn(view)).render();
        String subject = ja
                ? "[アライアンス] ウォッチ「" + view.watchName() + "」を一時停止しました"
                : "[Alliance] Watch \"" + view.watchName() + "\" paused";
        return new Text(subject, body);
    }

    static String alertSubject(AlertView v, boolean ja) {
        int failed = v.failedMembers().size();
        if (ja) {
            String head = "[アライアンス] " + v.watchName() + ": ";
            if (v.nothingNew()) {
                return head + (failed > 0
                        ? "応答したメンバーからは新しい情報なし（" + failed + " メンバーが応答せず、結果は不完全です）"
                        : "新しい情報なし");
            }
            return head + "新しい指標 " + v.indicatorCount() + " 件、既知の指標に新しい組織 " + v.organisationCount() + " 件"
                    + (failed > 0 ? "（" + failed + " メンバーが応答せず）" : "");
        }
        String head = "[Alliance] " + v.watchName() + ": ";
        if (v.nothingNew()) {
            return head + (failed > 0
                    ? "nothing new from the members that answered; " + failed + " did not answer (incomplete)"
                    : "nothing new");
        }
        return head + v.indicatorCount() + " new " + plural(v.indicatorCount(), "indicator") + ", "
                + v.organisationCount() + " new " + plural(v.organisationCount(), "organisation") + " on known ones"
                + (failed > 0 ? "; " + failed + " " + plural(failed, "member") + " did not answer" : "");
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static Locale language(WatchAlert alert) {
        return japanese(alert.language()) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    /** One line of text: control characters (a line break in a subject would start a new header) become spaces. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\p{Cntrl}", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
