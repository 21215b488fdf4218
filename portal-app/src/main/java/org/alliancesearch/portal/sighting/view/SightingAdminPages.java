package org.alliancesearch.portal.sighting.view;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.sighting.i18n.SightingMessages;
import org.alliancesearch.portal.sighting.i18n.SightingTexts;
import org.alliancesearch.portal.sighting.service.SightingSettings;
import org.alliancesearch.portal.sighting.service.SightingSettings.MemberSightings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The admin page of sightings: each member with a switch. A page, so not in the API description. */
@Path("/admin/sightings")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class SightingAdminPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext ctx, List<MemberSightings> rows, String done, String error);
    }

    private final SightingSettings settings;
    private final Pages pages;

    public SightingAdminPages(SightingSettings settings, Pages pages) {
        this.settings = settings;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> list(@RestQuery String done) {
        SightingMessages msg = SightingTexts.of(pages.locale());
        String text = done == null ? null : switch (done) {
            case "enabled" -> msg.done_enabled();
            case "disabled" -> msg.done_disabled();
            default -> null;
        };
        return page(text, null, Response.Status.OK);
    }

    @POST
    @Operation(hidden = true)
    @Path("enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> setEnabled(@RestForm String member, @RestForm String enabled) {
        SightingMessages msg = SightingTexts.of(pages.locale());
        UUID id;
        try {
            id = UUID.fromString(member == null ? "" : member.strip());
        } catch (IllegalArgumentException e) {
            return page(null, msg.err_member_required(), Response.Status.BAD_REQUEST);
        }
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            return page(null, msg.err_enabled_required(), Response.Status.BAD_REQUEST);
        }
        boolean on = "true".equals(enabled);
        return settings.setEnabled(id, on)
                .map(v -> Response.seeOther(URI.create("/admin/sightings?done=" + (on ? "enabled" : "disabled")))
                        .build())
                .onFailure(ProblemException.class).recoverWithUni(e -> page(null, e.getMessage(),
                        Response.Status.fromStatusCode(((ProblemException) e).status())));
    }

    private Uni<Response> page(String done, String error, Response.Status status) {
        return settings.list().flatMap(rows -> pages.render(Templates.list(pages.context(), rows, done, error),
                status));
    }
}
