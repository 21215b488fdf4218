package org.alliancesearch.portal.mispapi.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.alliancesearch.model.mispapi.MispEventJsonWriter;
import org.alliancesearch.model.mispapi.Scope;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.mispapi.service.EventAnswer;
import org.alliancesearch.portal.mispapi.service.EventSearch;
import org.alliancesearch.portal.search.service.Searcher;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * MISP's {@code POST /events/restSearch}, answered by the whole alliance: whole events holding a searched value,
 * synchronised copies merged, minus what the policy hides. The body is read as JSON whatever its content type; errors
 * come in MISP's shape.
 */
@Path("/events")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Tag(name = "misp-api")
public class EventRestSearchResource {
    static final String URL = "/events/restSearch";

    private final EventSearch search;
    private final CurrentUser user;

    public EventRestSearchResource(EventSearch search, CurrentUser user) {
        this.search = search;
        this.user = user;
    }

    /** Also at {@code restSearch.json} and {@code restSearch/json}, as MISP answers. */
    @POST
    @Path("{path: restSearch(\\.json|/json)?}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "MISP event search across every member (MISP's body and answer)")
    public Uni<Response> restSearch(String body) {
        return MispSearchCalls.run(body, Scope.EVENTS, URL, request -> search.search(request, Searcher.of(user))
                .map(EventRestSearchResource::response));
    }

    /** MISP refuses a search without parameters. */
    @GET
    @Path("restSearch")
    @Produces(MediaType.APPLICATION_JSON)
    public Response withoutParameters() {
        return MispSearchCalls.withoutParameters(URL);
    }

    static Response response(EventAnswer answer) {
        StreamingOutput entity = out -> new MispEventJsonWriter().write(out, answer.events());
        return MispSearchCalls.ok(entity, MediaType.APPLICATION_JSON, answer.resultCount(), answer.partial());
    }
}
