package org.alliancesearch.portal.history.view;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.i18n.DisplayTimes;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.history.i18n.HistoryMessages;
import org.alliancesearch.portal.history.i18n.HistoryTexts;
import org.alliancesearch.portal.history.service.HistoryEntryView;
import org.alliancesearch.portal.history.service.HistoryService;
import org.alliancesearch.portal.search.view.SearchForm;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * "My searches": my recent searches with their values (shortened), counts and time, run again (posted to the search
 * page like its form, with the CSRF token: values never travel in a URL), saved (the saved-search form prefilled),
 * deleted one by one or all at once.
 */
@Path("/history")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class HistoryPages {
    /** Values shown per entry, and the characters shown of each; the form re-sends them all. */
    static final int SHOWN_VALUES = 5;
    static final int SHOWN_CHARS = 64;
    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext ctx, List<Row> rows, String older,
                String intro);
    }

    /**
     * One search in the list.
     *
     * @param values the first values, shortened
     * @param more "and N more", or null
     * @param query every field of the search, for the hidden fields of the run-again and save forms
     */
    public record Row(String id, String searchedAt, String searchedAtIso, String source, List<String> values,
            String more, boolean filtered, String found, String members, SearchForm.FormView query) {
    }

    private final HistoryService history;
    private final Pages pages;
    private final CurrentUser user;

    public HistoryPages(HistoryService history, Pages pages, CurrentUser user) {
        this.history = history;
        this.pages = pages;
        this.user = user;
    }

    @GET
    public Uni<Response> list(@RestQuery String before) {
        HistoryMessages msg = HistoryTexts.of(pages.locale());
        Locale locale = pages.locale();
        java.time.ZoneId zone = pages.zone();
        Instant until;
        try {
            until = before == null || before.isBlank() ? null : Instant.parse(before.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(msg.err_before(), List.of());
        }
        String intro = msg.history_intro((int) history.config().retention().toDays(), history.config().maxPerUser());
        return history.list(user.subject(), until, PAGE_SIZE).flatMap(page -> pages.render(Templates.list(
                pages.context(), page.entries().stream().map(e -> row(e, msg, locale, zone)).toList(),
                page.next() == null ? null : page.next().toString(), intro)));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> delete(@PathParam("id") String id) {
        HistoryMessages msg = HistoryTexts.of(pages.locale());
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(msg.err_not_found());
        }
        return history.delete(user.subject(), uuid).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound(msg.err_not_found());
            }
            return Pages.seeOther("/history", "history-deleted");
        });
    }

    /** Deletes all my searches once the confirmation box is ticked; without it, says so and deletes nothing. */
    @POST
    @Path("delete-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> deleteAll(@RestForm String confirm) {
        if (!"yes".equals(confirm)) {
            return Uni.createFrom().item(Pages.seeOther("/history", "history-unconfirmed"));
        }
        return history.deleteAll(user.subject())
                .map(n -> Pages.seeOther("/history", "history-all-deleted", n));
    }

    static Row row(HistoryEntryView e, HistoryMessages msg, Locale locale, java.time.ZoneId zone) {
        List<String> values = e.query().values();
        List<String> shown = values.stream().limit(SHOWN_VALUES).map(HistoryPages::shorten).toList();
        String more = values.size() > SHOWN_VALUES ? msg.history_more(values.size() - SHOWN_VALUES) : null;
        String source = switch (e.source()) {
            case "api" -> msg.history_source_api();
            case "saved" -> msg.history_source_saved();
            default -> msg.history_source_page();
        };
        boolean filtered = !e.query().types().isEmpty() || !e.query().includeTags().isEmpty()
                || !e.query().excludeTags().isEmpty() || e.query().from() != null || e.query().to() != null
                || e.query().toIds() != null || e.query().limit() != null;
        HistoryEntryView.Counts c = e.counts();
        return new Row(e.id(), DisplayTimes.of(locale, zone).format(e.searchedAt()), e.searchedAt().toString(), source,
                shown, more,
                filtered, msg.history_found(c.valuesFound(), c.values(), c.indicators()),
                msg.history_members(c.membersAnswered(), c.membersFailed()), SearchForm.of(e.query()).view());
    }

    static String shorten(String value) {
        return value.length() <= SHOWN_CHARS ? value : value.substring(0, SHOWN_CHARS - 1) + "…";
    }

}
