package org.alliancesearch.portal.member.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.member.service.MemberService;
import org.alliancesearch.portal.member.service.RotationReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/admin/crypto")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: keys")
public class CryptoAdminResource {
    private final MemberService members;

    public CryptoAdminResource(MemberService members) {
        this.members = members;
    }

    @POST
    @Path("/rotate")
    @Operation(summary = "Re-encrypt every stored secret under alliance.crypto.active-key (audited)")
    public Uni<RotationReport> rotate() {
        return members.rotateKeys();
    }
}
