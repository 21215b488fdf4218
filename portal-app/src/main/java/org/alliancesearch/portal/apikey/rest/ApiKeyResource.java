package org.alliancesearch.portal.apikey.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.apikey.service.ApiKeyInput;
import org.alliancesearch.portal.apikey.service.ApiKeyService;
import org.alliancesearch.portal.apikey.service.ApiKeyView;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** {@code /api/v1/me/api-keys}: my personal API keys for MISP clients. */
@Path("/api/v1/me/api-keys")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "api keys")
public class ApiKeyResource {
    private final ApiKeyService keys;
    private final CurrentUser user;

    public ApiKeyResource(ApiKeyService keys, CurrentUser user) {
        this.keys = keys;
        this.user = user;
    }

    @GET
    @Operation(summary = "My keys (never the keys themselves: their last four characters)")
    public Uni<List<ApiKeyView>> list() {
        return keys.list(user.subject());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a key; the answer is the only time the key is shown")
    public Uni<Response> create(ApiKeyInput input) {
        return keys.create(user.subject(), input).map(created -> Response
                .created(URI.create("/api/v1/me/api-keys/" + created.id())).entity(created)
                .header("Cache-Control", "no-store").build());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke one of my keys: refused at once on every replica (404 for anyone else's)")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return keys.revoke(user.subject(), user.name(), id).map(v -> Response.noContent().build());
    }
}
