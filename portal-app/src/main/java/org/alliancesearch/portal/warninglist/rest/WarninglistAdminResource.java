package org.alliancesearch.portal.warninglist.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.warninglist.i18n.WarninglistTexts;
import org.alliancesearch.portal.warninglist.service.WarninglistAdmin;
import org.alliancesearch.portal.warninglist.service.WarninglistRefusedException;
import org.alliancesearch.portal.warninglist.service.WarninglistView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Warninglist administration: list, switch on or off, upload a newer version, go back to the bundled one. */
@Path("/api/v1/admin/warninglists")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: warninglists")
public class WarninglistAdminResource {
    /** The body of {@code PUT …/enabled}. */
    public record Enabled(Boolean enabled) {
    }

    private final WarninglistAdmin admin;
    private final Pages pages;

    public WarninglistAdminResource(WarninglistAdmin admin, Pages pages) {
        this.admin = admin;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "Every warninglist, bundled or uploaded, enabled or not")
    public List<WarninglistView> list() {
        return admin.list();
    }

    @PUT
    @Path("{name: .+}/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch a list on or off (audited); every replica applies it within seconds")
    public Uni<WarninglistView> setEnabled(@PathParam("name") String name, Enabled body) {
        if (body == null || body.enabled() == null) {
            throw ProblemException.invalid(pages.messages().detail_malformed_field("enabled"),
                    List.of(new FieldError("enabled", "required", pages.messages().detail_malformed_field("enabled"),
                            null)));
        }
        return admin.setEnabled(name, body.enabled()).onFailure(WarninglistRefusedException.class)
                .transform(this::problem);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a list in MISP's warninglist JSON format: a new name is added (201), a known name is "
            + "replaced by a higher version (200); a bad file (400), an older version (409) or a file over 8 MB (413) "
            + "changes nothing")
    public Uni<Response> upload(byte[] json) {
        return admin.upload(json)
                .map(done -> done.created()
                        ? Response.created(URI.create("/api/v1/admin/warninglists")).entity(done.list()).build()
                        : Response.ok(done.list()).build())
                .onFailure(WarninglistRefusedException.class).transform(this::problem);
    }

    @DELETE
    @Path("{name: .+}/upload")
    @Operation(summary = "Remove the uploaded version: back to the bundled list (a list only uploaded is removed)")
    public Uni<List<WarninglistView>> revert(@PathParam("name") String name) {
        return admin.revert(name).onFailure(WarninglistRefusedException.class).transform(this::problem);
    }

    private Throwable problem(Throwable e) {
        return WarninglistTexts.problem((WarninglistRefusedException) e, WarninglistTexts.of(pages.locale()));
    }
}
