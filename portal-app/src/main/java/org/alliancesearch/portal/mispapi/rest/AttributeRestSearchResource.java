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

import org.alliancesearch.model.mispapi.MispAttributeWriter;
import org.alliancesearch.model.mispapi.Scope;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.mispapi.service.AttributeAnswer;
import org.alliancesearch.portal.mispapi.service.AttributeSearch;
import org.alliancesearch.portal.search.service.Searcher;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * MISP's {@code POST /attributes/restSearch}, answered by the whole alliance, so that MISP clients work unchanged. The
 * body is read as JSON whatever its content type (MISP does the same); errors come in MISP's shape.
 */
@Path("/attributes")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Tag(name = "misp-api")
public class AttributeRestSearchResource {
    static final String URL = "/attributes/restSearch";

    private final AttributeSearch search;
    private final CurrentUser user;

    public AttributeRestSearchResource(AttributeSearch search, CurrentUser user) {
        this.search = search;
        this.user = user;
    }

    /** Also at {@code restSearch.json} and {@code restSearch/json}, as MISP answers. */
    @POST
    @Path("{path: restSearch(\\.json|/json)?}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "MISP attribute search across every member (MISP's body and answer)")
    public Uni<Response> restSearch(String body) {
        return MispSearchCalls.run(body, Scope.ATTRIBUTES, URL, request -> search.search(request, Searcher.of(user))
                .map(AttributeRestSearchResource::response));
    }

    /** MISP refuses a search without parameters. */
    @GET
    @Path("restSearch")
    @Produces(MediaType.APPLICATION_JSON)
    public Response withoutParameters() {
        return MispSearchCalls.withoutParameters(URL);
    }

    static Response response(AttributeAnswer answer) {
        StreamingOutput entity = out -> MispAttributeWriter.write(answer.rows(), answer.output(), out);
        return MispSearchCalls.ok(entity, MispAttributeWriter.mediaType(answer.output().format()),
                answer.resultCount(), answer.partial());
    }
}
