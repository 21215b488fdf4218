package org.alliancesearch.portal.home.view;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.security.OrganisationNotRequired;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The start page for members (the search arrives here) and the page for users without an organisation. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(PageContext ctx);

        static native TemplateInstance noOrganisation(PageContext ctx);
    }

    private final Pages pages;

    public HomePages(Pages pages) {
        this.pages = pages;
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    public Uni<Response> home() {
        return pages.render(Templates.home(pages.context()));
    }

    @GET
    @Path("no-organisation")
    @Authenticated
    @OrganisationNotRequired
    public Uni<Response> noOrganisation() {
        return pages.render(Templates.noOrganisation(pages.context()));
    }
}
