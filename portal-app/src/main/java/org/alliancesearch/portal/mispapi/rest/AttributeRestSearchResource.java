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
import org.alliancesearch.model.mispapi.MispRequestException;
import org.alliancesearch.model.mispapi.MispSearchRequest;
import org.alliancesearch.model.mispapi.Scope;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.mispapi.service.AttributeAnswer;
import org.alliancesearch.portal.mispapi.service.AttributeSearch;
import org.alliancesearch.portal.search.service.Searcher;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    /** Bodies are small: the values of one search. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AttributeSearch search;
    private final CurrentUser user;

    public AttributeRestSearchResource(AttributeSearch search, CurrentUser user) {
        this.search = search;
        this.user = user;
    }

    @POST
    @Path("restSearch")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "MISP attribute search across every member (MISP's body and answer)")
    public Uni<Response> restSearch(String body) {
        return run(body);
    }

    @POST
    @Path("restSearch.json")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "MISP attribute search across every member (MISP's body and answer)")
    public Uni<Response> restSearchJson(String body) {
        return run(body);
    }

    @POST
    @Path("restSearch/json")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "MISP attribute search across every member (MISP's body and answer)")
    public Uni<Response> restSearchJsonPath(String body) {
        return run(body);
    }

    /** MISP refuses a search without parameters. */
    @GET
    @Path("restSearch")
    @Produces(MediaType.APPLICATION_JSON)
    public Response withoutParameters() {
        return MispErrors.body(400, "Bad Request", "Either specify the search terms in the url, or POST a json with"
                + " the filter parameters.", URL).build();
    }

    private Uni<Response> run(String body) {
        MispSearchRequest request;
        try {
            request = MispSearchRequest.parse(read(body), Scope.ATTRIBUTES);
        } catch (MispRequestException e) {
            return Uni.createFrom().item(MispErrors.of(e, URL));
        }
        return search.search(request, Searcher.of(user)).map(AttributeRestSearchResource::response)
                .onFailure().recoverWithItem(e -> MispErrors.of(e, URL));
    }

    static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new MispRequestException(null, "Either specify the search terms in the url, or POST a json with"
                    + " the filter parameters.");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MispRequestException(null, "The body is not JSON: POST a JSON object of filters, such as"
                    + " {\"value\": \"198.51.100.7\"}.");
        }
    }

    static Response response(AttributeAnswer answer) {
        StreamingOutput entity = out -> MispAttributeWriter.write(answer.rows(), answer.output(), out);
        Response.ResponseBuilder r = Response.ok(entity)
                .type(MispAttributeWriter.mediaType(answer.output().format()))
                .header("X-Result-Count", answer.resultCount())
                .header("Cache-Control", "no-store");
        if (answer.partial() != null) {
            r.header("X-Alliance-Partial", answer.partial());
        }
        return r.build();
    }
}
