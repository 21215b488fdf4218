package org.alliancesearch.portal.extract.service;

/**
 * A report as fetched: where from, what it is, and its bytes (at most the body limit).
 *
 * @param url the URL asked for
 * @param finalUrl the URL read, after redirects
 * @param host the host read from
 * @param redirects how many redirects were followed
 */
public record FetchedReport(String url, String finalUrl, String host, int redirects, String contentType,
        String charset, byte[] body) {
}
