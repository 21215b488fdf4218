package org.alliancesearch.portal.extract.service;

import java.util.List;

/**
 * The indicators found in a report or in pasted text.
 *
 * @param source where they were found: null for pasted text
 */
public record Extraction(List<FoundIndicator> indicators, Source source) {
    public Extraction {
        indicators = List.copyOf(indicators);
    }

    /**
     * The fetched report.
     *
     * @param url the URL asked for
     * @param finalUrl the URL read, after redirects
     * @param title the document's title, or null
     * @param bytes the size of the body read
     */
    public record Source(String url, String finalUrl, String host, String title, String contentType, long bytes,
            int redirects) {
    }
}
