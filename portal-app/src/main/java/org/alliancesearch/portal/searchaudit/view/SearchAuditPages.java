package org.alliancesearch.portal.searchaudit.view;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.searchaudit.i18n.SearchAuditMessages;
import org.alliancesearch.portal.searchaudit.i18n.SearchAuditTexts;
import org.alliancesearch.portal.searchaudit.service.AuditQuery;
import org.alliancesearch.portal.searchaudit.service.SearchAuditService;
import org.alliancesearch.portal.searchaudit.service.SearchAuditView;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The admin page of the search audit trail. */
@Path("/admin/search-audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class SearchAuditPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(PageContext ctx, Filter filter, List<Row> rows, List<FieldError> errors,
                int page, int pages, long total, Integer previous, Integer next);
    }

    /** The filter as typed. */
    public record Filter(String user, String organisation, String from, String to, String value) {
    }

    /** One audited search, dates in the admin's locale. */
    public record Row(String at, String user, String organisation, String source, List<String> values,
            int valueCount, List<Member> members, int indicators, int attributes, int removed) {
    }

    /** A member asked. */
    public record Member(String name, String status, String latency, String counts) {
    }

    private final SearchAuditService audit;
    private final Pages pages;

    public SearchAuditPages(SearchAuditService audit, Pages pages) {
        this.audit = audit;
        this.pages = pages;
    }

    /**
     * The trail, filtered by user, organisation and dates. A value is a filter by POST only: a searched value never
     * travels in a GET URL (history, proxy logs, Referer), so a GET that carries one is refused.
     */
    @GET
    public Uni<Response> audit(@RestQuery String user, @RestQuery String organisation, @RestQuery String from,
            @RestQuery String to, @RestQuery String value, @RestQuery Integer page) {
        if (value != null && !value.isBlank()) {
            SearchAuditMessages msg = SearchAuditTexts.of(pages.locale());
            List<FieldError> errors = List.of(new FieldError("value", "value.in-url", msg.audit_value_in_url()));
            return pages.render(Templates.audit(pages.context(), new Filter(nn(user), nn(organisation), nn(from),
                    nn(to), ""), List.of(), errors, 1, 1, 0, null, null), Response.Status.BAD_REQUEST);
        }
        return show(user, organisation, from, to, null, page);
    }

    /** The trail filtered by the form (value included), posted with the CSRF token; the pager posts too. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> filter(@RestForm String user, @RestForm String organisation, @RestForm String from,
            @RestForm String to, @RestForm String value, @RestForm Integer page) {
        return show(user, organisation, from, to, value, page);
    }

    private Uni<Response> show(String user, String organisation, String from, String to, String value,
            Integer page) {
        Locale locale = pages.locale();
        Filter filter = new Filter(nn(user), nn(organisation), nn(from), nn(to), nn(value));
        AuditQuery q;
        try {
            q = AuditQuery.parse(user, organisation, from, to, value, page, null);
        } catch (CodedProblem e) {
            return pages.render(Templates.audit(pages.context(), filter, List.of(), pages.worded(e).errors(), 1, 1, 0,
                    null, null),
                    Response.Status.BAD_REQUEST);
        }
        return audit.find(q.user(), q.organisation(), q.from(), q.to(), q.value(), q.page() - 1, q.size())
                .flatMap(found -> {
                    SearchAuditMessages msg = SearchAuditTexts.of(locale);
                    List<Row> rows = found.items().stream().map(v -> row(v, pages, msg)).toList();
                    int pageCount = (int) Math.max(1, (found.total() + q.size() - 1) / q.size());
                    Integer previous = q.page() > 1 ? q.page() - 1 : null;
                    Integer next = q.page() < pageCount ? q.page() + 1 : null;
                    return pages.render(Templates.audit(pages.context(), filter, rows, List.of(), q.page(),
                            pageCount, found.total(), previous, next));
                });
    }

    private static Row row(SearchAuditView v, Pages pages, SearchAuditMessages msg) {
        List<Member> members = v.members().stream()
                .map(m -> new Member(m.member(), m.status(), m.latencyMs() + " ms",
                        m.removedByPolicy() == null ? null : msg.audit_member_counts(m.hits(), m.removedByPolicy())))
                .toList();
        return new Row(pages.time(v.at().toInstant()), v.user(),
                v.organisation(), v.source(), v.values(), v.valueCount(), members, v.indicators(), v.attributes(),
                v.removedByPolicy());
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
