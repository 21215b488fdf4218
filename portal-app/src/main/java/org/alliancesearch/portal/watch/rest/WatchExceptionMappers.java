package org.alliancesearch.portal.watch.rest;

import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.web.ExceptionMappers;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.watch.i18n.WatchTexts;
import org.alliancesearch.portal.watch.service.RunTooSoon;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/** "Run now" asked too soon after the watch's last run: 429 with {@code Retry-After} and the seconds left. */
public class WatchExceptionMappers {
    private final Pages pages;

    public WatchExceptionMappers(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response tooSoon(RunTooSoon e, HttpServerRequest request) {
        return ExceptionMappers.problemBuilder(request, e.status(), e.kind(),
                WatchTexts.of(pages.locale()).problem_run_too_soon(), pages.text(e.detail()), null)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
    }
}
