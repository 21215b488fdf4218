package org.alliancesearch.portal.extract.rest;

import java.util.List;

import org.alliancesearch.portal.extract.service.Extraction;
import org.alliancesearch.portal.extract.service.FoundIndicator;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The indicators found and where. */
public record ExtractResponse(List<FoundIndicator> indicators, Source source) {

    /**
     * Where the indicators were found: {@code type} is {@code url} (with the URL asked for, the URL read after
     * redirects, its host, title, content type and size) or {@code text} (with its length in characters).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String type, String url, String finalUrl, String host, String title, String contentType,
            Long bytes, Integer redirects, Integer chars) {
    }

    static ExtractResponse of(Extraction x) {
        Extraction.Source s = x.source();
        return new ExtractResponse(x.indicators(), new Source("url", s.url(), s.finalUrl(), s.host(), s.title(),
                s.contentType(), s.bytes(), s.redirects(), null));
    }

    static ExtractResponse ofText(List<FoundIndicator> found, int chars) {
        return new ExtractResponse(found, new Source("text", null, null, null, null, null, null, null, chars));
    }
}
