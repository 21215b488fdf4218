package org.alliancesearch.portal.watch.service;

/** How a watch run ended, as recorded on the watch ({@code last_outcome}). */
public enum RunOutcome {
    /** Searched, compared, and told what was new (or that nothing was). */
    SEARCHED(false),
    /** The watcher is no longer a user of the realm. */
    USER_UNKNOWN(false),
    /** The watcher's account is disabled. */
    DISABLED(false),
    /** The watcher holds neither the member nor the admin role any more. */
    NOT_MEMBER(false),
    /** The watcher has no organisation any more. */
    NO_ORGANISATION(false),
    /** The watcher may no longer see the saved search (made private, or they changed organisation). */
    NO_ACCESS(false),
    /** The identity provider could not be asked: tried again soon, nothing told meanwhile (fail closed). */
    DIRECTORY_UNAVAILABLE(true),
    /** The watcher ran as many searches as allowed: tried again soon. */
    BUSY(true),
    /** The search itself failed: tried again soon. */
    SEARCH_FAILED(true);

    private final boolean retrySoon;

    RunOutcome(boolean retrySoon) {
        this.retrySoon = retrySoon;
    }

    /** Whether the run is tried again after {@link WatchConfig#retryAfter()} rather than at the next interval. */
    public boolean retrySoon() {
        return retrySoon;
    }
}
