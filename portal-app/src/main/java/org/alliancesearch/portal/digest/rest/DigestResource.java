package org.alliancesearch.portal.digest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.digest.i18n.DigestTexts;
import org.alliancesearch.portal.digest.service.DigestService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** {@code /api/v1/digest}: the alliance's latest weekly digest, for alliance members as search is. */
@Path("/api/v1/digest")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "digest")
public class DigestResource {
    private final DigestService digests;
    private final Pages pages;

    public DigestResource(DigestService digests, Pages pages) {
        this.digests = digests;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "The latest weekly digest: shared indicators, top tags and galaxy clusters, per-member "
            + "activity, failed members; 404 until one was built")
    public Uni<DigestResponse> latest() {
        String notYet = DigestTexts.of(pages.locale()).err_no_digest();
        return digests.latest().map(found -> DigestResponse.of(found.orElseThrow(
                () -> ProblemException.notFound(notYet))));
    }
}
