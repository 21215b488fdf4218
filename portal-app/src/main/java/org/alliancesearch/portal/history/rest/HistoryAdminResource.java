package org.alliancesearch.portal.history.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.history.service.HistoryService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * {@code /api/v1/admin/users/{subject}/history}: erases one person's search history when their account's data is to
 * be deleted on request. Administrators can delete it, never read it: there is no admin read of anyone's history.
 */
@Path("/api/v1/admin/users/{subject}/history")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search history")
public class HistoryAdminResource {
    private final HistoryService history;

    public HistoryAdminResource(HistoryService history) {
        this.history = history;
    }

    @DELETE
    @Operation(summary = "Erase a person's whole search history (by the token subject); part of account erasure")
    public Uni<Map<String, Long>> erase(@PathParam("subject") String subject) {
        return history.erase(subject).map(n -> Map.of("deleted", n));
    }
}
