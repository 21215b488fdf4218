package org.alliancesearch.portal.extract.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.web.ExceptionMappers;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.extract.i18n.ExtractMessages;
import org.alliancesearch.portal.extract.i18n.ExtractTexts;
import org.alliancesearch.portal.extract.service.FetchRefusal;
import org.alliancesearch.portal.extract.service.FetchRefusedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/**
 * A report not read: a problem document with the reason's stable code on field {@code url}, 400
 * for a bad request, 422 for a URL the portal will not or could not read, 429 beyond the fetch rate limit. Pages
 * handle the refusal themselves; elsewhere a short text.
 */
public class ExtractExceptionMappers {
    private final Pages pages;

    public ExtractExceptionMappers(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response refused(FetchRefusedException e, HttpServerRequest request) {
        ExtractMessages msg = ExtractTexts.of(pages.locale());
        String text = ExtractTexts.text(msg, e);
        int status = e.reason().status();
        Response.ResponseBuilder answer;
        if (ExceptionMappers.isApi(request)) {
            String kind = status == 400 ? "validation" : status == 429 ? "rate-limited" : "url-refused";
            answer = ExceptionMappers.problemBuilder(request, status, kind, ExtractTexts.title(msg, e), text,
                    List.of(new FieldError("url", e.reason().code(), text)));
        } else {
            answer = Response.status(status).type("text/plain;charset=UTF-8").entity(text).header("Cache-Control",
                    "no-store");
        }
        if (e.reason() == FetchRefusal.RATE_LIMITED) {
            answer.header("Retry-After", String.valueOf(e.number()));
        }
        return answer.build();
    }
}
