package org.alliancesearch.portal.extract.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.extract.service.ExtractService;
import org.alliancesearch.portal.extract.service.FetchRefusal;
import org.alliancesearch.portal.extract.service.FetchRefusedException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/v1/extract}: the indicators in a report, fetched by URL (public addresses only, see
 * docs/security.md) or given as text. Nothing is searched: the caller searches the ones it keeps.
 */
@Path("/api/v1/extract")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Tag(name = "search")
public class ExtractResource {
    private final ExtractService extract;
    private final CurrentUser user;

    public ExtractResource(ExtractService extract, CurrentUser user) {
        this.extract = extract;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find the indicators in a report given by URL ({\"url\"}) or as text ({\"text\"})")
    public Uni<Response> extract(ExtractRequest request) {
        boolean hasUrl = request != null && request.url() != null && !request.url().isBlank();
        boolean hasText = request != null && request.text() != null && !request.text().isBlank();
        if (hasUrl == hasText) {
            return Uni.createFrom().failure(new FetchRefusedException(FetchRefusal.URL_OR_TEXT, null));
        }
        if (hasText) {
            return Uni.createFrom().item(ok(ExtractResponse.ofText(ExtractService.fromText(request.text()),
                    request.text().length())));
        }
        return extract.fromUrl(request.url(), user.subject()).map(x -> ok(ExtractResponse.of(x)));
    }

    private static Response ok(ExtractResponse body) {
        return Response.ok(body).type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }
}
