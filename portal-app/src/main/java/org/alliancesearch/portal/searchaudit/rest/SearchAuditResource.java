package org.alliancesearch.portal.searchaudit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.searchaudit.service.AuditQuery;
import org.alliancesearch.portal.searchaudit.service.SearchAuditService;
import org.alliancesearch.portal.searchaudit.service.SearchAuditView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** {@code GET /api/v1/admin/audit}: the audit trail of searches, for admins. */
@Path("/api/v1/admin/audit")
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

    @GET
    @Operation(summary = "Audited searches, newest first; filters by user, organisation, time and value (by hash)")
    public Uni<SearchAuditView.Page> list(@RestQuery String user, @RestQuery String organisation,
            @RestQuery String from, @RestQuery String to, @RestQuery String value, @RestQuery Integer page,
            @RestQuery Integer size) {
        AuditQuery q = AuditQuery.parse(user, organisation, from, to, value, page, size,
                SearchTexts.of(pages.locale()));
        return audit.find(q.user(), q.organisation(), q.from(), q.to(), q.value(), q.page() - 1, q.size());
    }
}
