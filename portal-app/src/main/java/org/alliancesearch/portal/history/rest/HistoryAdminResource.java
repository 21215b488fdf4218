package org.alliancesearch.portal.history.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.history.i18n.HistoryTexts;
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
    /** The longest token subject read (Keycloak's are 36-character UUIDs). */
    static final int MAX_SUBJECT = 255;

    private final HistoryService history;
    private final Pages pages;

    public HistoryAdminResource(HistoryService history, Pages pages) {
        this.history = history;
        this.pages = pages;
    }

    @DELETE
    @Operation(summary = "Erase a person's whole search history (by the token subject); part of account erasure")
    public Uni<Map<String, Long>> erase(@PathParam("subject") String subject) {
        if (!validSubject(subject)) {
            // PostgreSQL refuses a NUL in text: a bad subject must be a 400, not a failed query
            String text = HistoryTexts.of(pages.locale()).err_subject_invalid();
            throw ProblemException.invalid(text, List.of(new FieldError("subject", "subject.invalid", text)));
        }
        return history.erase(subject).map(n -> Map.of("deleted", n));
    }

    static boolean validSubject(String subject) {
        return subject != null && !subject.isEmpty() && subject.length() <= MAX_SUBJECT
                && subject.chars().noneMatch(Character::isISOControl);
    }
}
