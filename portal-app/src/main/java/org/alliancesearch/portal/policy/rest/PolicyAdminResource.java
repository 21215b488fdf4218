package org.alliancesearch.portal.policy.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.policy.service.PolicyService;
import org.alliancesearch.portal.policy.service.PolicyUpdate;
import org.alliancesearch.portal.policy.service.PolicyView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/admin/policy")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: policy")
public class PolicyAdminResource {
    private final PolicyService policies;
    private final Pages pages;

    public PolicyAdminResource(PolicyService policies, Pages pages) {
        this.policies = policies;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "The alliance policy every search applies")
    public Uni<PolicyView> get() {
        return policies.view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the alliance policy (audited); tlp:red and PAP:RED always stay, a red ceiling is "
            + "refused; with If-Match or version, a stale change is refused (409)")
    public Uni<PolicyView> put(PolicyUpdate update, @HeaderParam("If-Match") String ifMatch) {
        return policies.update(update, ifMatch);
    }
}
