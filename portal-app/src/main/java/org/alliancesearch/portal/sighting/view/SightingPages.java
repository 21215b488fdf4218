package org.alliancesearch.portal.sighting.view;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.i18n.MemberMessageTexts;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.search.i18n.SearchMessages;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.search.service.SearchRefusedException;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.sighting.i18n.SightingMessages;
import org.alliancesearch.portal.sighting.i18n.SightingTexts;
import org.alliancesearch.portal.sighting.service.SightingOutcome;
import org.alliancesearch.portal.sighting.service.SightingReport;
import org.alliancesearch.portal.sighting.service.SightingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * "We saw this too" from a result row: the form posts the row's indicator, the answer is each member's result. A page,
 * so not in the API description.
 */
@Path("/sightings")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class SightingPages {
    /** One member's line. */
    public record Row(String name, String organisation, String outcome, String text, List<String> records) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance result(PageContext ctx, String intro, String counts, List<Row> rows,
                String error);
    }

    private final SightingService sightings;
    private final CurrentUser user;
    private final Pages pages;

    public SightingPages(SightingService sightings, CurrentUser user, Pages pages) {
        this.sightings = sightings;
        this.user = user;
        this.pages = pages;
    }

    @POST
    @Operation(hidden = true)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> send(@RestForm String family, @RestForm String value) {
        Locale locale = pages.locale();
        SightingMessages msg = SightingTexts.of(locale);
        SearchMessages searchMsg = SearchTexts.of(locale);
        return sightings.send(Searcher.of(user), family, value)
                .flatMap(report -> pages.render(Templates.result(pages.context(),
                        msg.result_intro(report.value(), report.family(), report.source()),
                        msg.summary_counts((int) report.count(SightingOutcome.SENT),
                                (int) report.count(SightingOutcome.REFUSED),
                                (int) report.count(SightingOutcome.FAILED),
                                (int) report.count(SightingOutcome.SKIPPED)),
                        report.members().stream().map(m -> row(m, msg, locale)).toList(), null)))
                .onFailure(CodedProblem.class).recoverWithUni(e -> error(
                        pages.text(((CodedProblem) e).detail()), ((CodedProblem) e).status()))
                .onFailure(SearchRefusedException.class).recoverWithUni(e -> error(
                        SearchTexts.text((SearchRefusedException) e, searchMsg), ((SearchRefusedException) e).status())
                        .map(r -> Response.fromResponse(r)
                                .header("Retry-After", ((SearchRefusedException) e).retryAfterSeconds()).build()));
    }

    private Uni<Response> error(String text, int status) {
        return pages.render(Templates.result(pages.context(), null, null, List.of(), text),
                Response.Status.fromStatusCode(status));
    }

    static Row row(SightingReport.MemberSighting m, SightingMessages msg, Locale locale) {
        String text = switch (m.outcome()) {
            case SENT -> msg.outcome_sent();
            case REFUSED -> msg.outcome_refused();
            case SKIPPED -> msg.outcome_skipped();
            case FAILED -> msg.outcome_failed(m.records().stream()
                    .filter(r -> r.outcome() == SightingOutcome.FAILED && r.reason() != null)
                    .map(r -> MemberMessageTexts.localise(r.reason(), locale)).findFirst().orElse("—"));
        };
        return new Row(m.name(), m.organisation(), m.outcome().name().toLowerCase(Locale.ROOT), text,
                m.records().stream().map(SightingReport.RecordSighting::attributeUuid).toList());
    }
}
