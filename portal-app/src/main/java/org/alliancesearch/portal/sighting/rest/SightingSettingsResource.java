package org.alliancesearch.portal.sighting.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.sighting.service.SightingSettings;
import org.alliancesearch.portal.sighting.service.SightingSettings.MemberSightings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Every member's sighting setting. */
@Path("/api/v1/admin/sightings")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: sightings")
public class SightingSettingsResource {
    private final SightingSettings settings;

    public SightingSettingsResource(SightingSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "Every live member and whether it receives sightings")
    public Uni<List<MemberSightings>> list() {
        return settings.list();
    }
}
