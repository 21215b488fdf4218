package org.alliancesearch.portal.member.rest;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.connector.ConnectionReport;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.member.service.MemberHealthRow;
import org.alliancesearch.portal.member.service.MemberInput;
import org.alliancesearch.portal.member.service.MemberService;
import org.alliancesearch.portal.member.service.MemberView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: members")
public class MemberAdminResource {
    private final MemberService members;
    private final Pages pages;

    private final ObjectMapper json;

    public MemberAdminResource(MemberService members, Pages pages, ObjectMapper json) {
        this.members = members;
        this.pages = pages;
        this.json = json;
    }

    @GET
    @Path("/members")
    @Operation(summary = "Live (not deleted) member instances")
    public Uni<List<MemberView>> list() {
        return members.list();
    }

    @GET
    @Path("/members/{id}")
    @Operation(summary = "One member instance")
    public Uni<MemberView> get(@PathParam("id") String id) {
        return members.get(parse(id));
    }

    @POST
    @Path("/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Onboard a member instance (audited)")
    public Uni<Response> create(MemberInput input) {
        return members.create(input)
                .map(created -> Response.created(URI.create("/api/v1/admin/members/" + created.id()))
                        .entity(created).build());
    }

    @PUT
    @Path("/members/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a member instance (audited): fields not sent keep their value, an explicit null "
            + "clears; without apiKey the stored key stays, but a new scheme, host or port needs it again; with "
            + "If-Match or version, a stale change is refused (409)")
    public Uni<MemberView> update(@PathParam("id") String id, ObjectNode body,
            @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        UUID memberId = parse(id);
        if (body == null) {
            return members.update(memberId, null, null, ifMatch);
        }
        MemberInput input = json.treeToValue(body, MemberInput.class);
        Set<String> present = new HashSet<>();
        body.fieldNames().forEachRemaining(present::add);
        return members.update(memberId, input, present, ifMatch);
    }

    @DELETE
    @Path("/members/{id}")
    @Operation(summary = "Delete a member instance (soft delete, audited)")
    public Uni<Response> delete(@PathParam("id") String id) {
        return members.delete(parse(id)).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/members/{id}/test")
    @Operation(summary = "Test the connection: MISP version, service user's organisation and role, latency")
    public Uni<ConnectionReport> test(@PathParam("id") String id) {
        return members.test(parse(id));
    }

    @GET
    @Path("/health")
    @Operation(summary = "What the connector observed of each member")
    public Uni<List<MemberHealthRow>> health() {
        return members.health();
    }

    private UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(pages.messages().detail_member_not_found(id));
        }
    }
}
