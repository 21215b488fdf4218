package org.alliancesearch.portal.history.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.history.i18n.HistoryMessages;
import org.alliancesearch.portal.history.i18n.HistoryTexts;
import org.alliancesearch.portal.history.service.HistoryEntryView;
import org.alliancesearch.portal.history.service.HistoryPage;
import org.alliancesearch.portal.history.service.HistoryService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** {@code /api/v1/me/history}: my own recent searches, for me only (another person's entry is 404). */
@Path("/api/v1/me/history")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search history")
public class HistoryResource {
    static final int DEFAULT_LIMIT = 50;

    private final HistoryService history;
    private final CurrentUser user;
    private final Pages pages;

    public HistoryResource(HistoryService history, CurrentUser user, Pages pages) {
        this.history = history;
        this.user = user;
        this.pages = pages;
    }

    private HistoryMessages msg() {
        return HistoryTexts.of(pages.locale());
    }

    @GET
    @Operation(summary = "My searches, newest first; `next` is the `before` of the next (older) page")
    public Uni<HistoryPage> list(@RestQuery String limit, @RestQuery String before) {
        HistoryMessages msg = msg();
        return history.list(user.subject(), before(before, msg), limit(limit, msg));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my searches (404 for anyone else's)")
    public Uni<HistoryEntryView> get(@PathParam("id") String id) {
        HistoryMessages msg = msg();
        UUID uuid = id(id, msg);
        return history.get(user.subject(), uuid)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound(msg.err_not_found())));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete one of my searches (404 for anyone else's)")
    public Uni<Response> delete(@PathParam("id") String id) {
        HistoryMessages msg = msg();
        UUID uuid = id(id, msg);
        return history.delete(user.subject(), uuid).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound(msg.err_not_found());
            }
            return Response.noContent().build();
        });
    }

    @DELETE
    @Operation(summary = "Delete all my searches")
    public Uni<Map<String, Long>> deleteAll() {
        return history.deleteAll(user.subject()).map(n -> Map.of("deleted", n));
    }

    /** Not an id of this feature: answered like an entry that is not mine. */
    static UUID id(String id, HistoryMessages msg) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(msg.err_not_found());
        }
    }

    static int limit(String limit, HistoryMessages msg) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= HistoryService.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(msg.err_limit(HistoryService.MAX_LIMIT),
                List.of(new FieldError("limit", "limit.range", msg.err_limit(HistoryService.MAX_LIMIT))));
    }

    static Instant before(String before, HistoryMessages msg) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(before.strip());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(before.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.invalid(msg.err_before(),
                        List.of(new FieldError("before", "before.format", msg.err_before())));
            }
        }
    }
}
