package org.alliancesearch.portal.sighting.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.sighting.i18n.SightingMessages;
import org.alliancesearch.portal.sighting.i18n.SightingTexts;
import org.alliancesearch.portal.sighting.service.SightingSettings;
import org.alliancesearch.portal.sighting.service.SightingSettings.MemberSightings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Whether one member receives sightings: off until an administrator enables it. */
@Path("/api/v1/admin/members/{id}/sightings")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: sightings")
public class MemberSightingsResource {
    /** The body of the change. */
    public record Enabled(Boolean enabled) {
    }

    private final SightingSettings settings;
    private final Pages pages;

    public MemberSightingsResource(SightingSettings settings, Pages pages) {
        this.settings = settings;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "Whether the member receives sightings, who changed it last and when")
    public Uni<MemberSightings> get(@PathParam("id") String id) {
        return settings.get(parse(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send sightings to the member or stop (audited in the admin change log); its key needs "
            + "MISP's sighting permission")
    public Uni<MemberSightings> set(@PathParam("id") String id, Enabled body) {
        UUID memberId = parse(id);
        if (body == null || body.enabled() == null) {
            SightingMessages msg = SightingTexts.of(pages.locale());
            throw ProblemException.invalid(msg.err_enabled_required(),
                    List.of(new FieldError("enabled", "required", msg.err_enabled_required())));
        }
        return settings.setEnabled(memberId, body.enabled());
    }

    private UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(pages.messages().detail_member_not_found(id));
        }
    }
}
