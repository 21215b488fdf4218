package org.alliancesearch.portal.watch.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of watches and the inbox. English in {@code messages/watch_en.properties}, Japanese in
 * {@code messages/watch_ja.properties}; templates use them as {@code {watch:key}}.
 */
@MessageBundle(value = "watch", locale = "en")
public interface WatchMessages {
    @Message
    String detail_invalid_watch();

    @Message
    String err_interval();

    @Message
    String err_webhook_too_long(int max);

    @Message
    String err_no_channel();

    @Message
    String err_webhook_address(String kind);

    @Message
    String detail_watch_not_found(String id);

    @Message
    String detail_watch_exists();

    @Message
    String detail_too_many_watches(int max);

    @Message
    String detail_inbox_not_found();

    @Message
    String bell_unread(String count);

    @Message
    String inbox_title();

    @Message
    String inbox_intro();

    @Message
    String inbox_empty();

    @Message
    String inbox_unread();

    @Message
    String inbox_mark_read();

    @Message
    String inbox_mark_all_read();

    @Message
    String inbox_new_indicators();

    @Message
    String inbox_new_orgs();

    @Message
    String inbox_failed();

    @Message
    String inbox_first_run();

    @Message
    String inbox_paused();

    @Message
    String watch_title();

    @Message
    String watch_intro();

    @Message
    String watch_interval();

    @Message
    String interval_HOURLY();

    @Message
    String interval_DAILY();

    @Message
    String interval_WEEKLY();

    @Message
    String watch_email();

    @Message
    String watch_webhook_url();

    @Message
    String watch_save();

    @Message
    String watch_update();

    @Message
    String watch_pause();

    @Message
    String watch_resume();

    @Message
    String watch_delete();

    @Message
    String watch_paused();

    @Message
    String watch_next_run();

    @Message
    String watch_last_run();

    @Message
    String watch_secret_once();

    @Message
    String watch_created();

    @Message
    String watch_saved();

    @Message
    String watch_deleted();

    @Message
    String detail_run_paused();

    @Message
    String detail_run_too_soon(int seconds);

    @Message
    String problem_run_too_soon();

    @Message
    String watch_run_now();

    @Message
    String watch_run_now_hint();

    @Message
    String watch_run_asked();
}
