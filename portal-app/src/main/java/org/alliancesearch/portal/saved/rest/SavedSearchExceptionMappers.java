package org.alliancesearch.portal.saved.rest;

import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.problem.Problem;
import org.alliancesearch.portal.common.web.ErrorPages;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.common.web.ProblemTypes;
import org.alliancesearch.portal.saved.service.NotOwnerException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** 403 for a saved search the caller may see but not change: a problem document on the API, the 403 page elsewhere. */
public class SavedSearchExceptionMappers {
    private final Pages pages;

    public SavedSearchExceptionMappers(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Uni<Response> notOwner(NotOwnerException e, HttpServerRequest request) {
        if (request.path() == null || !request.path().startsWith("/api/")) {
            return pages.render(ErrorPages.forbidden(pages.context()), Response.Status.FORBIDDEN);
        }
        Problem problem = new Problem(ProblemTypes.uri(e.kind()), pages.messages().problem_forbidden(), 403,
                pages.text(e.detail()), request.path(), null);
        return Uni.createFrom().item(Response.status(403).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Cache-Control", "no-store").build());
    }
}
