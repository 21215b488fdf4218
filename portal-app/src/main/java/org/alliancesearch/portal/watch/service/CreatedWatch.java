package org.alliancesearch.portal.watch.service;

/**
 * A watch just made or given a webhook: the webhook's signing secret is shown this once and never again.
 *
 * @param webhookSecret null when the watch has no (new) webhook
 */
public record CreatedWatch(WatchView watch, String webhookSecret) {
}
