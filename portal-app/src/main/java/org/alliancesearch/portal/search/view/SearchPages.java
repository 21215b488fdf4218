package org.alliancesearch.portal.search.view;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.model.export.ExportFormat;
import org.alliancesearch.model.indicator.ExtractedIndicator;
import org.alliancesearch.model.indicator.IocExtractor;
import org.alliancesearch.model.query.QueryViolation;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.CsrfField;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.extract.i18n.ExtractMessages;
import org.alliancesearch.portal.extract.i18n.ExtractTexts;
import org.alliancesearch.portal.extract.service.ExtractService;
import org.alliancesearch.portal.extract.service.Extraction;
import org.alliancesearch.portal.extract.service.FetchRefusal;
import org.alliancesearch.portal.extract.service.FetchRefusedException;
import org.alliancesearch.portal.search.i18n.SearchMessages;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.search.rest.SearchExports;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.PreparedSearch;
import org.alliancesearch.portal.search.service.SearchRefusedException;
import org.alliancesearch.portal.search.service.SearchRequest;
import org.alliancesearch.portal.search.service.SearchService;
import org.alliancesearch.portal.search.service.SearchValidation;
import org.alliancesearch.portal.search.service.Searcher;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The search page. Nothing is kept between requests: without JavaScript the form POSTs to {@code /search} and the
 * answer is the whole result; with JavaScript {@code /js/search.js} POSTs the same form to {@code /search/stream},
 * which answers on one response, as NDJSON, each member's status as it arrives (without counts) and then the result
 * table with the counts after the policy, once the search is audited, all rendered (and escaped) here.
 */
@Path("/search")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
public class SearchPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(PageContext ctx, SearchForm.FormView form, List<Extracted> extracted,
                boolean extractStep, List<FieldError> errors, String problem, String resultsHtml,
                Extraction.Source source);

        static native TemplateInstance results(ResultView result, String csrf);

        static native TemplateInstance member(ResultView.MemberChip chip);

        static native TemplateInstance progress(int answered, int total);

        static native TemplateInstance problems(List<FieldError> errors, String problem);
    }

    /** An indicator found in pasted text, offered for confirmation. */
    public record Extracted(String value, String kind) {
    }

    /** One line of the live stream. */
    public record StreamEvent(String type, String html, String progress) {
    }

    private final SearchService search;
    private final Pages pages;
    private final CurrentUser user;
    private final ExtractService extract;

    public SearchPages(SearchService search, Pages pages, CurrentUser user, ExtractService extract) {
        this.search = search;
        this.pages = pages;
        this.user = user;
        this.extract = extract;
    }

    private SearchMessages msg() {
        return SearchTexts.of(pages.locale());
    }

    private Uni<Response> page(SearchForm form, List<Extracted> extracted, boolean extractStep,
            List<FieldError> errors, String problem, String resultsHtml) {
        return pages.render(Templates.search(pages.context(), form.view(), extracted, extractStep, errors, problem,
                resultsHtml, null));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> form() {
        return page(SearchForm.empty(), List.of(), false, List.of(), null, null);
    }

    /** Without JavaScript: extraction step, or the whole search answered at once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> submit(@BeanParam SearchForm form, @BeanParam CsrfField csrf) {
        SearchMessages msg = msg();
        if (form.wantsFetch()) {
            return fetch(form);
        }
        if ("extract".equals(form.action) || form.hasText()) {
            List<Extracted> found = extract(form.text);
            SearchForm shown = form.confirmed();
            shown.values = form.values;
            return page(shown, found, true, List.of(), found.isEmpty() ? msg.search_extracted_none() : null, null);
        }
        PreparedSearch prepared;
        try {
            prepared = prepare(form.toRequest(false));
        } catch (ProblemException e) {
            if (hasTextInPlaceOfValues(e)) {
                return extractionInstead(form, e.errors(), msg);
            }
            return page(form, List.of(), false, e.errors(), msg.search_invalid(), null);
        }
        Locale locale = pages.locale();
        SearchForm.FormView view = form.confirmed().view();
        return start(prepared, SearchService.SOURCE_PAGE)
                .flatMap(done -> Templates
                        .results(new ResultViews(msg, locale, pages.zone()).result(done, view, null), csrf.token)
                        .setLocale(locale).createUni())
                .flatMap(html -> page(form.confirmed(), List.of(), false, List.of(), null, html))
                .onFailure(SearchRefusedException.class).recoverWithUni(e -> refused(form, (SearchRefusedException) e));
    }

    /**
     * The report at the form's URL, fetched (public addresses only) and read: its indicators offered ticked, as for
     * pasted text, with its title and URL; or the form again with why it was not read.
     */
    private Uni<Response> fetch(SearchForm form) {
        ExtractMessages texts = ExtractTexts.of(pages.locale());
        SearchForm shown = form.confirmed();
        shown.url = form.url;
        return extract.fromUrl(form.url, user.subject())
                .flatMap(x -> pages.render(Templates.search(pages.context(), shown.view(),
                        x.indicators().stream().map(i -> new Extracted(i.value(), i.type())).toList(), true,
                        List.of(), x.indicators().isEmpty() ? texts.extract_none() : null, null, x.source())))
                .onFailure(FetchRefusedException.class).recoverWithUni(e -> {
                    FetchRefusedException refused = (FetchRefusedException) e;
                    // 422 has no Response.Status constant: the status is set on the rendered answer
                    return pages.render(Templates.search(pages.context(), shown.view(), List.of(), false,
                            List.of(), ExtractTexts.text(texts, refused), null, null))
                            .map(r -> {
                                Response.ResponseBuilder answer = Response.fromResponse(r)
                                        .status(refused.reason().status());
                                if (refused.reason() == FetchRefusal.RATE_LIMITED) {
                                    answer.header("Retry-After", refused.number());
                                }
                                return answer.build();
                            });
                });
    }

    private Uni<CompletedSearch> start(PreparedSearch prepared, String source) {
        return search.start(prepared, Searcher.of(user), source, null).flatMap(live -> live.result());
    }

    /** The form again, with why the search was refused and when to try again. */
    private Uni<Response> refused(SearchForm form, SearchRefusedException e) {
        return pages
                .render(Templates.search(pages.context(), form.view(), List.of(), false, List.of(),
                        SearchTexts.text(e, msg()),
                        null, null), Response.Status.fromStatusCode(e.status()))
                .map(r -> Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds()).build());
    }

    /** With JavaScript: the same form, answered member by member on one response. */
    @POST
    @Path("stream")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("application/x-ndjson")
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<StreamEvent> stream(@BeanParam SearchForm form, @BeanParam CsrfField csrf) {
        SearchMessages msg = msg();
        Locale locale = pages.locale();
        PreparedSearch prepared;
        try {
            prepared = prepare(form.toRequest(false));
        } catch (ProblemException e) {
            if (hasTextInPlaceOfValues(e)) {
                // the page without the script shows the extraction step: the script submits the form to it
                return Multi.createFrom().item(new StreamEvent("extract", null, null));
            }
            return Multi.createFrom().item(new StreamEvent("error",
                    Templates.problems(e.errors(), msg.search_invalid()).setLocale(locale).render(), null));
        }
        ResultViews views = new ResultViews(msg, locale, pages.zone());
        SearchForm.FormView view = form.confirmed().view();
        return search.start(prepared, Searcher.of(user), SearchService.SOURCE_PAGE, null).toMulti()
                .onItem().transformToMultiAndConcatenate(live -> {
                    int total = live.memberCount();
                    AtomicInteger answered = new AtomicInteger();
                    Multi<StreamEvent> first = Multi.createFrom().item(new StreamEvent("start", null,
                            Templates.progress(0, total).setLocale(locale).render()));
                    Multi<StreamEvent> members = live.outcomes().map(o -> new StreamEvent("member",
                            Templates.member(views.liveChip(o)).setLocale(locale).render(),
                            Templates.progress(answered.incrementAndGet(), total).setLocale(locale).render()));
                    Multi<StreamEvent> last = live.result().map(done -> new StreamEvent("result",
                            Templates.results(views.result(done, view, null), csrf.token).setLocale(locale)
                                    .render(),
                            null)).toMulti();
                    return Multi.createBy().concatenating().streams(first, members, last);
                })
                .onFailure(SearchRefusedException.class).recoverWithItem(e -> new StreamEvent("error",
                        Templates.problems(List.of(), SearchTexts.text((SearchRefusedException) e, msg))
                                .setLocale(locale)
                                .render(),
                        null));
    }

    /** The result as a file: runs the search again (nothing is kept between requests). */
    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> export(@BeanParam SearchForm form) {
        SearchMessages msg = msg();
        ExportFormat format;
        PreparedSearch prepared;
        try {
            format = SearchExports.wanted(form.format, null, msg).orElse(ExportFormat.CSV);
            prepared = prepare(form.toRequest(false));
        } catch (ProblemException e) {
            return pages.render(Templates.search(pages.context(), form.view(), List.of(), false, e.errors(),
                    msg.search_invalid(), null, null), Response.Status.BAD_REQUEST);
        }
        return start(prepared, SearchService.SOURCE_EXPORT)
                .map(done -> SearchExports.file(done, format, pages.locale()))
                .onFailure(SearchRefusedException.class).recoverWithUni(e -> refused(form, (SearchRefusedException) e));
    }

    /** The search as the validation prepares it; an invalid one in this reader's words. */
    private PreparedSearch prepare(SearchRequest request) {
        try {
            return SearchValidation.prepare(request);
        } catch (CodedProblem e) {
            throw pages.worded(e);
        }
    }

    private static boolean hasTextInPlaceOfValues(ProblemException e) {
        return e.errors().stream().anyMatch(f -> QueryViolation.VALUE_NOT_AN_INDICATOR.equals(f.code()));
    }

    /**
     * Lines of the values box that are text, not indicators, were sent to nobody: the page takes them out of the
     * values and offers the indicators found in them, ticked, for confirmation (the extraction step).
     */
    private Uni<Response> extractionInstead(SearchForm form, List<FieldError> errors, SearchMessages msg) {
        List<String> values = SearchForm.lines(form.values);
        java.util.Set<Integer> textLines = new java.util.HashSet<>();
        java.util.LinkedHashMap<String, Extracted> found = new java.util.LinkedHashMap<>();
        List<FieldError> others = new java.util.ArrayList<>();
        for (FieldError error : errors) {
            if (QueryViolation.VALUE_NOT_AN_INDICATOR.equals(error.code())) {
                textLines.add(index(error.field()));
                error.extracted().forEach(x -> found.putIfAbsent(x.value(), new Extracted(x.value(), x.type())));
            } else {
                others.add(error);
            }
        }
        List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!textLines.contains(i)) {
                kept.add(values.get(i));
            }
        }
        SearchForm shown = form.confirmed();
        shown.values = String.join("\n", kept);
        return page(shown, List.copyOf(found.values()), true, others, msg.search_text_not_sent(), null);
    }

    /** The index in {@code values[3]}, or -1. */
    private static int index(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']');
        try {
            return open < 0 || close < open ? -1 : Integer.parseInt(field.substring(open + 1, close));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The result fragment, for other pages that show a result (saved searches). */
    public static TemplateInstance resultsFragment(ResultView result, String csrf) {
        return Templates.results(result, csrf);
    }

    static List<Extracted> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String limited = text.length() > SearchValidation.MAX_TEXT
                ? text.substring(0, SearchValidation.MAX_TEXT)
                : text;
        java.util.LinkedHashMap<String, Extracted> found = new java.util.LinkedHashMap<>();
        for (ExtractedIndicator i : IocExtractor.extract(limited)) {
            found.putIfAbsent(i.value(), new Extracted(i.value(), i.kind().mispType()));
        }
        return List.copyOf(found.values());
    }
}
