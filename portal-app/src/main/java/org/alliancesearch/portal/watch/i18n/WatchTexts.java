package org.alliancesearch.portal.watch.i18n;

import static org.alliancesearch.portal.common.web.FeatureTexts.number;
import static org.alliancesearch.portal.common.web.FeatureTexts.string;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.web.FeatureTexts;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The watch texts in one language; the watch service's codes ({@code watch.*}) and the pages' done actions. */
@ApplicationScoped
public class WatchTexts implements FeatureTexts {
    public static WatchMessages of(Locale locale) {
        return MessageBundles.get(WatchMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    @Override
    public String text(String code, List<Object> args, Locale locale) {
        WatchMessages msg = of(locale);
        return switch (code) {
            case "watch.invalid", "watch.zone" -> msg.detail_invalid_watch();
            case "watch.exists" -> msg.detail_watch_exists();
            case "watch.too-many" -> msg.detail_too_many_watches(number(args, 0));
            case "watch.not-found" -> msg.detail_watch_not_found(string(args, 0));
            case "watch.inbox-not-found" -> msg.detail_inbox_not_found();
            case "watch.interval" -> msg.err_interval();
            case "watch.webhook-too-long" -> msg.err_webhook_too_long(number(args, 0));
            case "watch.webhook-address" -> msg.err_webhook_address(string(args, 0));
            case "watch.no-channel" -> msg.err_no_channel();
            case "watch.run-paused" -> msg.detail_run_paused();
            case "watch.run-too-soon" -> msg.detail_run_too_soon(number(args, 0));
            case "watch-run-asked" -> msg.watch_run_asked();
            case "watch-created" -> msg.watch_created();
            case "watch-saved" -> msg.watch_saved();
            case "watch-deleted" -> msg.watch_deleted();
            default -> null;
        };
    }
}
