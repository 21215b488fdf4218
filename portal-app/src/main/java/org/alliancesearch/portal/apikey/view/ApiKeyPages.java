package org.alliancesearch.portal.apikey.view;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.apikey.i18n.ApiKeyMessages;
import org.alliancesearch.portal.apikey.i18n.ApiKeyTexts;
import org.alliancesearch.portal.apikey.service.ApiKeyInput;
import org.alliancesearch.portal.apikey.service.ApiKeyService;
import org.alliancesearch.portal.apikey.service.ApiKeyView;
import org.alliancesearch.portal.apikey.service.CreatedApiKey;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The API keys page: make a key (shown once, in the answer to the form, never in a URL), list mine, revoke one.
 */
@Path("/api-keys")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ApiKeyPages {
    /** The lives offered in the form, in days. */
    static final List<Integer> EXPIRY_CHOICES = List.of(30, 90, 180, 365);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext ctx, List<Row> rows, Created created, String name,
                int expiry, List<Choice> choices, Map<String, String> errors, String mispUrl);
    }

    /** One key in the list, dates in the user's locale. */
    public record Row(String id, String name, String last4, String created, String expires, boolean expired,
            String lastUsed) {
    }

    /** The key just made: shown this once. */
    public record Created(String name, String key, String expires) {
    }

    /** One choice of life. */
    public record Choice(int days, String label) {
    }

    private final ApiKeyService keys;
    private final Pages pages;
    private final CurrentUser user;
    private final HttpServerRequest request;

    public ApiKeyPages(ApiKeyService keys, Pages pages, CurrentUser user, HttpServerRequest request) {
        this.keys = keys;
        this.pages = pages;
        this.user = user;
        this.request = request;
    }

    private ApiKeyMessages msg() {
        return ApiKeyTexts.of(pages.locale());
    }

    @GET
    public Uni<Response> list() {
        return page(null, "", 90, Map.of(), Response.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@RestForm String name, @RestForm String expiresInDays) {
        ApiKeyMessages msg = msg();
        Integer days;
        try {
            days = expiresInDays == null || expiresInDays.isBlank() ? null : Integer.valueOf(expiresInDays.strip());
        } catch (NumberFormatException e) {
            days = -1; // refused by the service with its message
        }
        int chosen = days == null ? 90 : days;
        return keys.create(user.subject(), new ApiKeyInput(name, days))
                .flatMap(created -> page(created, "", 90, Map.of(), Response.Status.OK))
                .onFailure(e -> e instanceof CodedProblem p && (p.status() == 400 || p.status() == 409))
                .recoverWithUni(e -> {
                    ProblemException failure = pages.worded((CodedProblem) e);
                    return page(null, name == null ? "" : name, chosen, failure.errors().stream().collect(
                            Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + " " + b)),
                            Response.Status.fromStatusCode(failure.status()));
                });
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revoke(@PathParam("id") String id) {
        return keys.revoke(user.subject(), user.name(), id).map(v -> Pages.seeOther("/api-keys", "api-key-revoked"));
    }

    private Uni<Response> page(CreatedApiKey created, String name, int expiry,
            Map<String, String> errors, Response.Status status) {
        ApiKeyMessages msg = msg();
        Locale locale = pages.locale();
        OffsetDateTime now = OffsetDateTime.now();
        List<Choice> choices = EXPIRY_CHOICES.stream().filter(d -> d <= keys.maxDays())
                .map(d -> new Choice(d, msg.keys_days(d))).toList();
        String base = request.scheme() + "://" + (request.authority() == null ? "" : request.authority().toString());
        return keys.list(user.subject()).flatMap(views -> pages.render(Templates.list(pages.context(),
                views.stream().map(v -> row(v, pages, now, msg)).toList(),
                created == null
                        ? null
                        : new Created(created.name(), created.key(), pages.time(created.expiresAt().toInstant())),
                name, expiry, choices, errors, base), status));
    }

    private static Row row(ApiKeyView v, Pages pages, OffsetDateTime now, ApiKeyMessages msg) {
        return new Row(v.id(), v.name(), v.last4(), pages.time(v.createdAt().toInstant()),
                pages.time(v.expiresAt().toInstant()), !v.expiresAt().isAfter(now),
                v.lastUsedAt() == null ? msg.keys_never() : pages.time(v.lastUsedAt().toInstant()));
    }
}
