package org.alliancesearch.portal.watch.service;

/**
 * A new watch or a change of one; on a change, what is null stays as it was.
 *
 * @param interval HOURLY, DAILY or WEEKLY (any case)
 * @param inbox whether alerts count as unread in the inbox (default true)
 * @param email whether alerts are also e-mailed to the verified address of the account (default false)
 * @param webhookUrl where alerts are also posted as signed JSON; the empty string removes the webhook
 * @param timeZone the IANA zone e-mails and webhooks use (default: the caller's page zone, else by language)
 */
public record WatchInput(String interval, Boolean inbox, Boolean email, String webhookUrl, String timeZone) {
}
