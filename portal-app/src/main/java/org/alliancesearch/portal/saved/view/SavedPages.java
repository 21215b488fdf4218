package org.alliancesearch.portal.saved.view;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.problem.Versions;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.CsrfField;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.saved.i18n.SavedMessages;
import org.alliancesearch.portal.saved.i18n.SavedTexts;
import org.alliancesearch.portal.saved.service.NotOwnerException;
import org.alliancesearch.portal.saved.service.SavedSearchInput;
import org.alliancesearch.portal.saved.service.SavedSearchService;
import org.alliancesearch.portal.saved.service.SavedSearchView;
import org.alliancesearch.portal.search.i18n.SearchMessages;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.search.view.ResultViews;
import org.alliancesearch.portal.search.view.SearchForm;
import org.alliancesearch.portal.search.view.SearchPages;
import org.alliancesearch.portal.watch.service.WatchService;
import org.alliancesearch.portal.watch.view.WatchPages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The saved searches page: list, save, edit, delete and run (with "new since last run" highlighting). */
@Path("/saved")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class SavedPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext ctx, List<Row> rows);

        static native TemplateInstance form(PageContext ctx, String action, String title, String name,
                String description, String visibility, SearchForm.FormView query, Map<String, String> errors,
                String version);

        static native TemplateInstance run(PageContext ctx, String name, String id, String resultsHtml);

        static native TemplateInstance view(PageContext ctx, Row row, SearchForm.FormView query,
                WatchPages.Panel watchPanel);
    }

    /** One saved search in the list, dates in the user's locale. */
    public record Row(String id, String name, String description, String visibility, String visibilityText,
            String owner, String organisation, String lastRun, String lastCount, boolean mine, boolean deletable) {
    }

    /** The fields of the saved-search form: its own and the query's. */
    public static class SavedForm extends SearchForm {
        @RestForm
        public String name;
        @RestForm
        public String description;
        @RestForm
        public String visibility;
        /** The version the edit is based on (edit form only). */
        @RestForm
        public String version;
    }

    private final SavedSearchService saved;
    private final WatchService watches;
    private final Pages pages;
    private final CurrentUser user;

    public SavedPages(SavedSearchService saved, Pages pages, CurrentUser user, WatchService watches) {
        this.watches = watches;
        this.saved = saved;
        this.pages = pages;
        this.user = user;
    }

    private SavedMessages msg() {
        return SavedTexts.of(pages.locale());
    }

    @GET
    public Uni<Response> list() {
        SavedMessages msg = msg();
        Searcher who = Searcher.of(user);
        return saved.list(who).flatMap(views -> pages.render(Templates.list(pages.context(),
                views.stream().map(v -> row(v, who, msg, pages)).toList())));
    }

    /** An empty form; the query string is not read (searched values never travel in a GET URL). */
    @GET
    @Path("new")
    public Uni<Response> createForm() {
        return pages.render(Templates.form(pages.context(), "/saved", msg().saved_new(), "", "", "PRIVATE",
                new SearchForm().confirmed().view(), Map.of(), ""));
    }

    /** The form filled with a search's query, posted from the results ("Save this search") with the CSRF token. */
    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createFormFor(@BeanParam SearchForm query, @BeanParam CsrfField csrf) {
        return pages.render(Templates.form(pages.context(), "/saved", msg().saved_new(), "", "", "PRIVATE",
                query.confirmed().view(), Map.of(), ""));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@BeanParam SavedForm form) {
        return saved.create(input(form), Searcher.of(user))
                .map(v -> Pages.seeOther("/saved", "saved-created"))
                .onFailure(CodedProblem.class).recoverWithUni(e -> invalid(form, "/saved", msg().saved_new(),
                        (CodedProblem) e));
    }

    /**
     * One saved search by its link, for colleagues it is shared with; anyone else gets the not-found page, so the link
     * does not even confirm that the search exists.
     */
    @GET
    @Path("{id}")
    public Uni<Response> view(@PathParam("id") String id) {
        SavedMessages msg = msg();
        Searcher who = Searcher.of(user);
        return saved.get(id, who).flatMap(v -> WatchPages.panel(watches, v.id(), who, pages)
                .flatMap(panel -> pages.render(Templates.view(pages.context(), row(v, who, msg, pages),
                        SearchForm.of(v.query()).view(), panel))));
    }

    @GET
    @Path("{id}/edit")
    public Uni<Response> editForm(@PathParam("id") String id) {
        SavedMessages msg = msg();
        return saved.get(id, Searcher.of(user)).flatMap(v -> {
            if (!v.mine()) {
                throw new NotOwnerException();
            }
            return pages.render(Templates.form(pages.context(), "/saved/" + v.id(), msg.saved_edit_title(v.name()),
                    v.name(), v.description() == null ? "" : v.description(), v.visibility(),
                    SearchForm.of(v.query()).view(), Map.of(), String.valueOf(v.version())));
        });
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> update(@PathParam("id") String id, @BeanParam SavedForm form) {
        return saved.update(id, input(form), Searcher.of(user))
                .map(v -> Pages.seeOther("/saved", "saved-updated"))
                .onFailure(e -> e instanceof CodedProblem p && (p.status() == 400 || p.status() == 409))
                .recoverWithUni(e -> invalid(form, "/saved/" + id, msg().saved_edit_title(form.name),
                        (CodedProblem) e));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> delete(@PathParam("id") String id) {
        return saved.delete(id, Searcher.of(user)).map(v -> Pages.seeOther("/saved", "saved-deleted"));
    }

    @POST
    @Path("{id}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> run(@PathParam("id") String id, @BeanParam CsrfField csrf) {
        SearchMessages msg = SearchTexts.of(pages.locale());
        Locale locale = pages.locale();
        return saved.run(id, Searcher.of(user)).flatMap(run -> {
            var view = new ResultViews(msg, locale, pages.zone()).result(run.completed(),
                    SearchForm.of(run.saved().query()).confirmed().view(),
                    run.completed().response().newSinceLastRun());
            return SearchPages.resultsFragment(view, csrf.token).setLocale(locale).createUni()
                    .flatMap(html -> pages.render(Templates.run(pages.context(), run.saved().name(),
                            run.saved().id(), html)));
        });
        // A refused run (rate limit, audit down) is answered by the search feature's mapper: 429/503 with the reason.
    }

    private Uni<Response> invalid(SavedForm form, String action, String title, CodedProblem problem) {
        if (problem.status() != 400 && problem.status() != 409) {
            return Uni.createFrom().failure(problem);
        }
        ProblemException e = pages.worded(problem);
        Map<String, String> errors = e.errors().stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + " " + b));
        return pages.render(Templates.form(pages.context(), action, title, nn(form.name), nn(form.description),
                nn(form.visibility), form.confirmed().view(), errors, nn(form.version)),
                Response.Status.fromStatusCode(e.status()));
    }

    private static SavedSearchInput input(SavedForm form) {
        return new SavedSearchInput(form.name, form.description, form.visibility, form.toRequest(false),
                Versions.expected(form.version, null));
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private static Row row(SavedSearchView v, Searcher who, SavedMessages msg, Pages pages) {
        String visibility = switch (v.visibility()) {
            case "ORGANISATION" -> msg.saved_visibility_organisation();
            case "ALLIANCE" -> msg.saved_visibility_alliance();
            default -> msg.saved_visibility_private();
        };
        return new Row(v.id(), v.name(), v.description() == null ? "" : v.description(), v.visibility(), visibility,
                v.owner(), v.organisation(),
                v.lastRunAt() == null ? msg.saved_never() : pages.time(v.lastRunAt().toInstant()),
                v.lastIndicatorCount() == null ? "" : v.lastIndicatorCount().toString(), v.mine(),
                v.mine() || who.admin());
    }

}
