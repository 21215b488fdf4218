package org.alliancesearch.portal.testsupport;

/**
 * The portal's rate limits count per clock minute (the database's; on a test machine the same clock). Calls that
 * straddle the turn of a minute are counted in two windows, so a test that fills a limit must start with enough of
 * the minute ahead.
 */
public final class ClockMinute {
    private ClockMinute() {
    }

    /** Waits, if needed, until at least {@code secondsAhead} seconds of the current clock minute are left. */
    public static void startWithSecondsAhead(int secondsAhead) throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000L;
        if (intoMinute > 60_000L - secondsAhead * 1_000L) {
            Thread.sleep(60_000L - intoMinute + 500);
        }
    }
}
