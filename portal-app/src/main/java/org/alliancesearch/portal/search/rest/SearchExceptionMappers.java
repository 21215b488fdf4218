package org.alliancesearch.portal.search.rest;

import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.problem.Problem;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.common.web.ProblemTypes;
import org.alliancesearch.portal.search.i18n.SearchMessages;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.search.service.RateLimitedException;
import org.alliancesearch.portal.search.service.SearchNotRecordedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/** 429 for searches beyond the rate limit and 503 for searches the audit could not record. */
public class SearchExceptionMappers {
    private final Pages pages;

    public SearchExceptionMappers(Pages pages) {
        this.pages = pages;
    }

    /** 429 with {@code Retry-After}: a problem document on the API, a short text elsewhere. */
    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, HttpServerRequest request) {
        SearchMessages msg = SearchTexts.of(pages.locale());
        String path = request.path();
        String retry = String.valueOf(e.retryAfterSeconds());
        if (path != null && path.startsWith("/api/")) {
            Problem problem = new Problem(ProblemTypes.uri("rate-limited"), msg.search_rate_limited_title(), 429,
                    msg.detail_rate_limited(e.limit(), e.retryAfterSeconds()), path, null);
            return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem).header("Retry-After", retry)
                    .header("Cache-Control", "no-store").build();
        }
        String text = msg.search_rate_limited(e.limit(), e.retryAfterSeconds());
        return Response.status(429).type("text/plain;charset=UTF-8").entity(text).header("Retry-After", retry)
                .header("Cache-Control", "no-store").build();
    }

    /** 503 with {@code Retry-After}: the results are withheld because the search audit could not record them. */
    @ServerExceptionMapper
    public Response notRecorded(SearchNotRecordedException e, HttpServerRequest request) {
        SearchMessages msg = SearchTexts.of(pages.locale());
        String path = request.path();
        if (path != null && path.startsWith("/api/")) {
            Problem problem = new Problem(ProblemTypes.uri("audit-unavailable"), msg.search_not_recorded_title(), 503,
                    msg.search_not_recorded(), path, null);
            return Response.status(503).type(Problem.MEDIA_TYPE).entity(problem).header("Retry-After", "5")
                    .header("Cache-Control", "no-store").build();
        }
        return Response.status(503).type("text/plain;charset=UTF-8").entity(msg.search_not_recorded())
                .header("Retry-After", "5").header("Cache-Control", "no-store").build();
    }
}
