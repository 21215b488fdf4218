package org.alliancesearch.portal.apikey.rest;

import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.apikey.service.ApiKeyService;
import org.alliancesearch.portal.apikey.service.KeyOwner;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * MISP's {@code /users/view/me}: who the API key acts as, the way MISP clients (PyMISP checks it on connect) expect.
 * Reached with a personal API key only (mechanism {@code misp-key}).
 */
@Path("/users/view")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MISP-compatible")
public class MispUserResource {
    private final ApiKeyService keys;
    private final CurrentUser user;

    public MispUserResource(ApiKeyService keys, CurrentUser user) {
        this.keys = keys;
        this.user = user;
    }

    @GET
    @Path("me")
    @Operation(summary = "The key's owner as a MISP user (User, Role, UserSetting, Organisation)")
    public Uni<Map<String, Object>> me() {
        return keys.mispUser(owner());
    }

    @GET
    @Path("me.json")
    @Operation(summary = "The same")
    public Uni<Map<String, Object>> meJson() {
        return me();
    }

    @POST
    @Path("me")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The same (MISP answers POST alike)")
    public Uni<Map<String, Object>> mePost() {
        return me();
    }

    @POST
    @Path("me.json")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The same")
    public Uni<Map<String, Object>> meJsonPost() {
        return me();
    }

    private KeyOwner owner() {
        // the misp-key mechanism is the only one on this path: the identity is always a key's
        String keyId = user.apiKeyId().orElseThrow(() -> new io.quarkus.security.ForbiddenException());
        return new KeyOwner(keyId, user.subject(), user.name(), user.email().orElse(null),
                user.organisation().orElseThrow(() -> new io.quarkus.security.ForbiddenException()),
                user.admin() ? Set.of(Roles.MEMBER, Roles.ADMIN) : Set.of(Roles.MEMBER));
    }
}
