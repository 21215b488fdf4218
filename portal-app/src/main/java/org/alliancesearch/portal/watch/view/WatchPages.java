package org.alliancesearch.portal.watch.view;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.CsrfField;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.watch.i18n.WatchMessages;
import org.alliancesearch.portal.watch.i18n.WatchTexts;
import org.alliancesearch.portal.watch.service.InboxView;
import org.alliancesearch.portal.watch.service.RunTooSoon;
import org.alliancesearch.portal.watch.service.WatchDiff;
import org.alliancesearch.portal.watch.service.WatchInput;
import org.alliancesearch.portal.watch.service.WatchService;
import org.alliancesearch.portal.watch.service.WatchView;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The inbox page and the forms of the watch panel on a saved search's page (form posts, then back to that page). Times
 * are shown in the reader's zone.
 */
@Path("/")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class WatchPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(PageContext ctx, long unread, List<Entry> entries);

        static native TemplateInstance secret(PageContext ctx, String savedSearchId, String secret);
    }

    /** One inbox entry as shown. */
    public record Entry(String id, String savedSearchId, String watchName, String kind, String createdAt,
            String createdAtIso, boolean unread, boolean firstRun, List<NewIndicator> newIndicators,
            List<WatchDiff.NewOrganisation> newOrganisations, List<String> failedMembers) {
    }

    /** A new indicator and the organisations holding it. */
    public record NewIndicator(String key, List<String> organisations) {
    }

    /** The watch panel of a saved search's page: the form, and the watch if there is one. */
    public record Panel(String savedSearchId, boolean watching, String id, String interval, boolean email,
            String webhookUrl, boolean paused, String nextRun, String lastRun, String lastOutcome) {

        public static Panel none(String savedSearchId) {
            return new Panel(savedSearchId, false, null, "DAILY", false, "", false, null, null, null);
        }
    }

    /** The watch form. */
    public static class WatchForm {
        @RestForm
        public String savedSearchId;
        @RestForm
        public String interval;
        @RestForm
        public String email;
        @RestForm
        public String webhookUrl;
    }

    private final WatchService watches;
    private final Pages pages;
    private final CurrentUser user;

    public WatchPages(WatchService watches, Pages pages, CurrentUser user) {
        this.watches = watches;
        this.pages = pages;
        this.user = user;
    }

    /** The panel for a saved search's page, times in the reader's zone. */
    public static Uni<Panel> panel(WatchService watches, String savedSearchId, Searcher who, Pages pages) {
        return watches.ofSearch(savedSearchId, who).map(found -> found.map(w -> panel(w, pages))
                .orElseGet(() -> Panel.none(savedSearchId)));
    }

    private static Panel panel(WatchView w, Pages pages) {
        return new Panel(w.savedSearchId(), true, w.id(), w.interval(), w.email(),
                w.webhookUrl() == null ? "" : w.webhookUrl(), w.paused(),
                w.paused() ? null : pages.time(w.nextRunAt()),
                w.lastRunAt() == null ? null : pages.time(w.lastRunAt()), w.lastOutcome());
    }

    @GET
    @Path("inbox")
    public Uni<Response> inbox() {
        return watches.inbox(Searcher.of(user)).flatMap(view -> pages.render(Templates.inbox(pages.context(),
                view.unread(), view.entries().stream().map(this::entry).toList())));
    }

    private Entry entry(InboxView.Item item) {
        var c = item.content();
        return new Entry(item.id(), item.savedSearchId(), item.watchName(), item.kind(), pages.time(item.createdAt()),
                item.createdAt().toString(), item.readAt() == null, c.firstRun(),
                c.newIndicators().stream().map(i -> new NewIndicator(i, c.holdersOf(i))).toList(),
                c.newOrganisations(), c.failedMembers().stream().map(f -> f.describe()).toList());
    }

    @POST
    @Path("inbox/{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> read(@PathParam("id") String id, @BeanParam CsrfField csrf) {
        return watches.markRead(id, Searcher.of(user)).map(ignored -> back("/inbox"));
    }

    @POST
    @Path("inbox/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> readAll(@BeanParam CsrfField csrf) {
        return watches.markAllRead(Searcher.of(user)).map(ignored -> back("/inbox"));
    }

    @POST
    @Path("watches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@BeanParam WatchForm form, @BeanParam CsrfField csrf) {
        Locale locale = pages.locale();
        return watches.create(form.savedSearchId, input(form), Searcher.of(user), locale, pages.zone()).flatMap(
                created -> shown(created.watch().savedSearchId(),
                        Optional.ofNullable(created.webhookSecret()), "watch-created"));
    }

    @POST
    @Path("watches/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> update(@PathParam("id") String id, @BeanParam WatchForm form, @BeanParam CsrfField csrf) {
        return watches.update(id, input(form), Searcher.of(user))
                .flatMap(changed -> shown(changed.watch().savedSearchId(),
                        Optional.ofNullable(changed.webhookSecret()), "watch-saved"));
    }

    @POST
    @Path("watches/{id}/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> pause(@PathParam("id") String id, @BeanParam CsrfField csrf) {
        return watches.pause(id, Searcher.of(user)).map(w -> back("/saved/" + w.savedSearchId()));
    }

    @POST
    @Path("watches/{id}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> resume(@PathParam("id") String id, @BeanParam CsrfField csrf) {
        return watches.resume(id, Searcher.of(user)).map(w -> back("/saved/" + w.savedSearchId()));
    }

    /**
     * "Run now" from the watch panel: back to the saved search, saying the run was asked for, or why not (paused, or
     * run too recently: the seconds to wait).
     */
    @POST
    @Path("watches/{id}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> runNow(@PathParam("id") String id, @BeanParam CsrfField csrf) {
        Searcher who = Searcher.of(user);
        return watches.get(id, who).flatMap(w -> watches.runNow(id, who)
                .map(ran -> Pages.seeOther("/saved/" + w.savedSearchId(), "watch-run-asked"))
                .onFailure(CodedProblem.class).recoverWithItem(e -> refused(w.savedSearchId(), (CodedProblem) e)));
    }

    private static Response refused(String savedSearchId, CodedProblem e) {
        if (e instanceof RunTooSoon soon) {
            return Pages.seeOther("/saved/" + savedSearchId, WatchService.RUN_TOO_SOON, soon.retryAfterSeconds());
        }
        if (WatchService.RUN_PAUSED.equals(e.detail().code())) {
            return Pages.seeOther("/saved/" + savedSearchId, WatchService.RUN_PAUSED);
        }
        throw e;
    }

    @POST
    @Path("watches/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> delete(@PathParam("id") String id, @BeanParam WatchForm form, @BeanParam CsrfField csrf) {
        return watches.get(id, Searcher.of(user)).flatMap(w -> watches.delete(id, Searcher.of(user))
                .map(ignored -> Pages.seeOther("/saved/" + w.savedSearchId(), "watch-deleted")));
    }

    /** Back to the saved search, or to a page showing the new webhook secret this once. */
    private Uni<Response> shown(String savedSearchId, Optional<String> secret, String done) {
        if (secret.isEmpty()) {
            return Uni.createFrom().item(Pages.seeOther("/saved/" + savedSearchId, done));
        }
        return pages.render(Templates.secret(pages.context(), savedSearchId, secret.get()));
    }

    private static WatchInput input(WatchForm form) {
        // a checkbox not ticked is not sent: unticked means false
        return new WatchInput(form.interval, null, "on".equals(form.email) || "true".equals(form.email),
                form.webhookUrl == null ? "" : form.webhookUrl, null);
    }

    private static Response back(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
