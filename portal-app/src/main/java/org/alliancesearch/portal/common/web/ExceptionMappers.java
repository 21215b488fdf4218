package org.alliancesearch.portal.common.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.model.failure.Causes;
import org.alliancesearch.portal.common.i18n.AppMessages;
import org.alliancesearch.portal.common.persistence.DatabaseUnavailable;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.Problem;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.NoOrganisationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns every failure into an answer: a problem document ({@code application/problem+json}) under {@code /api}, an
 * HTML page elsewhere. Never a stack trace.
 */
public class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    private final Pages pages;

    public ExceptionMappers(Pages pages) {
        this.pages = pages;
    }

    /** A service's problem: worded in the caller's language, then answered as any other. */
    @ServerExceptionMapper
    public Uni<Response> codedProblem(CodedProblem e, HttpServerRequest request) {
        return problemException(pages.worded(e), request);
    }

    /** Whether a request is for the API (problem documents) rather than a page. */
    public static boolean isApi(HttpServerRequest request) {
        String path = request.path();
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /** An {@code application/problem+json} answer; {@code no-store}, as problems are about one request. */
    public static Response problem(HttpServerRequest request, int status, String kind, String title, String detail,
            List<FieldError> errors) {
        return problemBuilder(request, status, kind, title, detail, errors).build();
    }

    /** The same, for a caller that adds headers. */
    public static Response.ResponseBuilder problemBuilder(HttpServerRequest request, int status, String kind,
            String title, String detail, List<FieldError> errors) {
        Problem body = new Problem(ProblemTypes.uri(kind), title, status, detail, request.path(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).header("Cache-Control", "no-store");
    }

    @ServerExceptionMapper
    public Uni<Response> problemException(ProblemException e, HttpServerRequest request) {
        AppMessages msg = pages.messages();
        if (!isApi(request) && e.status() == 404) {
            return pages.render(ErrorPages.notFound(pages.context()), Response.Status.NOT_FOUND);
        }
        String title = switch (e.status()) {
            case 400 -> msg.problem_validation();
            case 404 -> msg.problem_not_found();
            case 409 -> msg.problem_conflict();
            default -> msg.problem_internal();
        };
        return Uni.createFrom().item(problem(request, e.status(), e.kind(), title, e.getMessage(), e.errors()));
    }

    /** MISP's own 403 on the MISP-compatible paths: MISP clients understand nothing else. */
    private static Response misp(HttpServerRequest request) {
        return Response.status(403).type("application/json").header("Cache-Control", "no-store")
                .entity(MispErrors.body(MispErrors.AUTH_FAILED, request.path())).build();
    }

    @ServerExceptionMapper
    public Uni<Response> noOrganisation(NoOrganisationException e, HttpServerRequest request) {
        if (MispErrors.isMispPath(request.path())) {
            return Uni.createFrom().item(misp(request));
        }
        if (isApi(request)) {
            AppMessages msg = pages.messages();
            return Uni.createFrom()
                    .item(problem(request, 403, "no-organisation", msg.problem_no_org(), msg.detail_no_org(), null));
        }
        return Uni.createFrom().item(Response.seeOther(URI.create("/no-organisation")).build());
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, HttpServerRequest request) {
        if (MispErrors.isMispPath(request.path())) {
            return Uni.createFrom().item(misp(request));
        }
        if (isApi(request)) {
            AppMessages msg = pages.messages();
            return Uni.createFrom()
                    .item(problem(request, 403, "forbidden", msg.problem_forbidden(), msg.detail_forbidden(), null));
        }
        return pages.render(ErrorPages.forbidden(pages.context()), Response.Status.FORBIDDEN);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Uni<Response> unauthorized(RuntimeException e, HttpServerRequest request, RoutingContext context) {
        if (MispErrors.isMispPath(request.path())) {
            return Uni.createFrom().item(misp(request));
        }
        AppMessages msg = pages.messages();
        String authorization = request.getHeader("Authorization");
        if (isApi(request) || authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // A page asked with a bearer that fails is a script's call: refused as the API refuses it. (A mapper's
            // null answer would be an empty 204.)
            return Uni.createFrom().item(problemBuilder(request, 401, "unauthorized", msg.problem_unauthorized(),
                    isApi(request) ? msg.detail_unauthorized() : msg.detail_token_invalid(), null)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build());
        }
        return signInChallenge(context);
    }

    /** A page without a valid session: the authentication mechanism's own challenge (the sign-in redirect). */
    private static Uni<Response> signInChallenge(RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(Response.status(401).build());
        }
        return authenticator.getChallenge(context).map(challenge -> {
            if (challenge == null) {
                return Response.status(401).build();
            }
            Response.ResponseBuilder answer = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
            return answer.build();
        });
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class,
            MismatchedInputException.class})
    public Response malformed(JsonProcessingException e, HttpServerRequest request) {
        AppMessages msg = pages.messages();
        String detail = msg.detail_malformed();
        List<FieldError> errors = List.of();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            detail = msg.detail_malformed_field(field);
            errors = List.of(new FieldError(field, "type", detail));
        }
        return problem(request, 400, "malformed", msg.problem_malformed(), detail, errors);
    }

    @ServerExceptionMapper
    public Uni<Response> webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        AppMessages msg = pages.messages();
        if (status == 404) {
            if (!isApi(request)) {
                return pages.render(ErrorPages.notFound(pages.context()), Response.Status.NOT_FOUND);
            }
            return Uni.createFrom().item(problem(request, 404, "not-found", msg.problem_not_found(),
                    msg.detail_not_found_path(), null));
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return Uni.createFrom().item(malformed(json, request));
        }
        if (status >= 500) {
            return internal(e, request);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        return Uni.createFrom().item(problem(request, status, "http-" + status, type.getReasonPhrase(),
                type.getReasonPhrase(), null));
    }

    @ServerExceptionMapper
    public Uni<Response> unexpected(Exception e, HttpServerRequest request) {
        if (e instanceof AuthenticationRedirectException || e instanceof AuthenticationCompletionException) {
            // Part of the sign-in flow: Quarkus handles these.
            return null;
        }
        return switch (Unexpected.of(e)) {
            case SIGN_IN_UNAVAILABLE -> signInUnavailable(request);
            case DATABASE_UNAVAILABLE -> databaseUnavailable(e, request);
            case DEFECT -> internal(e, request);
        };
    }

    /** What an unexpected failure means for the caller: which of the answers above it gets. */
    enum Unexpected {
        /** Keycloak out of reach: 503 sign-in-unavailable. */
        SIGN_IN_UNAVAILABLE,
        /** PostgreSQL out of reach: 503 database-unavailable. */
        DATABASE_UNAVAILABLE,
        /** Anything else: 500 with an incident id. */
        DEFECT;

        static Unexpected of(Throwable e) {
            // The OIDC extension's own exception first: a Keycloak connection refused or reset carries the same
            // socket failure that, from the database, means the database is away.
            if (oidcUnavailable(e)) {
                return SIGN_IN_UNAVAILABLE;
            }
            return DatabaseUnavailable.causedBy(e) ? DATABASE_UNAVAILABLE : DEFECT;
        }
    }

    /** Keycloak out of reach while a session or token had to be checked with it: a cause of the OIDC extension's. */
    static boolean oidcUnavailable(Throwable e) {
        for (Throwable t : Causes.chain(e)) {
            if (t instanceof io.quarkus.oidc.OIDCException) {
                return true;
            }
        }
        return false;
    }

    /** Sign-in cannot be checked now: 503 with {@code Retry-After}, the sign-in-unavailable page or a problem. */
    private Uni<Response> signInUnavailable(HttpServerRequest request) {
        LOG.warnf("Sign-in unavailable on %s %s: the OIDC server is out of reach", request.method(), request.path());
        java.util.Locale locale = pages.locale();
        if (!isApi(request)) {
            return ErrorPages
                    .signInUnavailable(locale.toLanguageTag(), SignInUnavailableFilter.retryPath(request.path()))
                    .setLocale(locale).createUni()
                    .map(html -> Response.status(503).type("text/html;charset=UTF-8").entity(html)
                            .header("Retry-After", SignInUnavailableFilter.RETRY_AFTER)
                            .header("Cache-Control", "no-store").build());
        }
        AppMessages msg = pages.messages();
        return Uni.createFrom().item(problemBuilder(request, 503, "sign-in-unavailable", msg.signin_unavailable_title(),
                msg.signin_unavailable_text(), null).header("Retry-After", SignInUnavailableFilter.RETRY_AFTER)
                .build());
    }

    /** PostgreSQL out of reach: 503 with {@code Retry-After}, never 500; the pools reconnect by themselves. */
    private Uni<Response> databaseUnavailable(Exception e, HttpServerRequest request) {
        LOG.warnf("Database unavailable on %s %s: %s", request.method(), request.path(), e.getClass().getName());
        AppMessages msg = pages.messages();
        if (!isApi(request)) {
            return pages.render(ErrorPages.internalError(pages.context(), msg.detail_database_unavailable()),
                    Response.Status.SERVICE_UNAVAILABLE);
        }
        return Uni.createFrom().item(problemBuilder(request, 503, "database-unavailable",
                msg.problem_database_unavailable(), msg.detail_database_unavailable(), null)
                .header("Retry-After", "5").build());
    }

    private Uni<Response> internal(Exception e, HttpServerRequest request) {
        String incident = UUID.randomUUID().toString();
        // The exception text could echo input; the class and the incident id are enough to find it.
        LOG.errorf("Unexpected failure %s on %s %s: %s", incident, request.method(), request.path(),
                e.getClass().getName());
        LOG.debug("Unexpected failure " + incident, e);
        AppMessages msg = pages.messages();
        String detail = msg.detail_internal() + " (" + incident + ")";
        if (!isApi(request)) {
            return pages.render(ErrorPages.internalError(pages.context(), detail),
                    Response.Status.INTERNAL_SERVER_ERROR);
        }
        return Uni.createFrom().item(problem(request, 500, "internal", msg.problem_internal(), detail, null));
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
