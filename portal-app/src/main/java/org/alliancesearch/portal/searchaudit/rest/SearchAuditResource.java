package org.alliancesearch.portal.searchaudit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.searchaudit.i18n.SearchAuditTexts;
import org.alliancesearch.portal.searchaudit.service.AuditQuery;
import org.alliancesearch.portal.searchaudit.service.SearchAuditService;
import org.alliancesearch.portal.searchaudit.service.SearchAuditView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** {@code GET /api/v1/admin/search-audit}, {@code POST /api/v1/admin/search-audit/search}: the audit trail of searches, for admins. */
@Path("/api/v1/admin/search-audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class SearchAuditResource {
    private final SearchAuditService audit;
    private final Pages pages;

    public SearchAuditResource(SearchAuditService audit, Pages pages) {
        this.audit = audit;
        this.pages = pages;
    }

    /** The filter of {@code POST /api/v1/admin/search-audit/search}; every field optional. */
    public record Search(String user, String organisation, String from, String to, String value, Integer page,
            Integer size) {
    }

    @GET
    @Operation(summary = "Audited searches, newest first; filters by user, organisation and time. A value is a filter"
            + " of POST /api/v1/admin/search-audit/search only (400 value.in-url here)")
    public Uni<SearchAuditView.Page> list(@RestQuery String user, @RestQuery String organisation,
            @RestQuery String from, @RestQuery String to, @RestQuery String value, @RestQuery Integer page,
            @RestQuery Integer size) {
        if (value != null) {
            // a searched value never travels in a GET URL (proxy and server logs)
            String text = SearchAuditTexts.of(pages.locale()).audit_value_in_url();
            throw ProblemException.invalid(text, List.of(new FieldError("value", "value.in-url", text)));
        }
        return find(new Search(user, organisation, from, to, null, page, size));
    }

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Audited searches, newest first; filters by user, organisation, time and value (by its HMAC)")
    public Uni<SearchAuditView.Page> search(Search filter) {
        return find(filter == null ? new Search(null, null, null, null, null, null, null) : filter);
    }

    private Uni<SearchAuditView.Page> find(Search f) {
        AuditQuery q = AuditQuery.parse(f.user(), f.organisation(), f.from(), f.to(), f.value(), f.page(), f.size());
        return audit.find(q.user(), q.organisation(), q.from(), q.to(), q.value(), q.page() - 1, q.size());
    }
}
