package org.alliancesearch.portal.search.rest;

import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.web.ExceptionMappers;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.search.i18n.SearchMessages;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.search.service.SearchRefusedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/**
 * Searches refused for now (429 beyond the rate limit, 503 when the audit cannot record them), with
 * {@code Retry-After}: a problem document on the API, a short text where no page handles the refusal itself.
 */
public class SearchExceptionMappers {
    private final Pages pages;

    public SearchExceptionMappers(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response refused(SearchRefusedException e, HttpServerRequest request) {
        SearchMessages msg = SearchTexts.of(pages.locale());
        String retry = String.valueOf(e.retryAfterSeconds());
        if (ExceptionMappers.isApi(request)) {
            return ExceptionMappers
                    .problemBuilder(request, e.status(), e.kind(), SearchTexts.title(e, msg),
                            SearchTexts.detail(e, msg), null)
                    .header("Retry-After", retry).build();
        }
        return Response.status(e.status()).type("text/plain;charset=UTF-8").entity(SearchTexts.text(e, msg))
                .header("Retry-After", retry).header("Cache-Control", "no-store").build();
    }
}
