package org.alliancesearch.portal.home.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "me")
public class MeResource {
    /** Who the token belongs to, as the portal sees it. */
    public record Me(String user, String organisation, List<String> roles) {
    }

    private final CurrentUser user;

    public MeResource(CurrentUser user) {
        this.user = user;
    }

    @GET
    @Operation(summary = "The caller: user name, organisation, portal roles")
    public Me me() {
        List<String> roles = user.admin() ? List.of(Roles.MEMBER, Roles.ADMIN) : List.of(Roles.MEMBER);
        return new Me(user.name(), user.organisation().orElse(null), roles);
    }
}
