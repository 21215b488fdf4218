package org.alliancesearch.portal.extract.rest;

/** {@code POST /api/v1/extract}: a report's URL to fetch, or text; exactly one of them. */
public record ExtractRequest(String url, String text) {
}
