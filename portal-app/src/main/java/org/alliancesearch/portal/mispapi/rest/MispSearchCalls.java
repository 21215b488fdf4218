package org.alliancesearch.portal.mispapi.rest;

import java.util.Locale;
import java.util.function.Function;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.alliancesearch.model.mispapi.MispRequestException;
import org.alliancesearch.model.mispapi.MispSearchRequest;
import org.alliancesearch.model.mispapi.Scope;
import org.alliancesearch.portal.common.web.MispErrors;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.search.service.SearchRefusedException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** What MISP's two searches share on the way in and out: the body read as JSON, the refusals, the headers. */
final class MispSearchCalls {
    private static final Logger LOG = Logger.getLogger(MispSearchCalls.class);
    /** Bodies are small: the values of one search. */
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NO_PARAMETERS = "Either specify the search terms in the url, or POST a json with the filter"
            + " parameters.";

    private MispSearchCalls() {
    }

    /**
     * Reads the body as a search of this scope and runs it; a refused body or a failed search is answered in MISP's
     * error shape for {@code url}.
     */
    static Uni<Response> run(String body, Scope scope, String url, Function<MispSearchRequest, Uni<Response>> search) {
        MispSearchRequest request;
        try {
            request = MispSearchRequest.parse(read(body), scope);
        } catch (MispRequestException e) {
            return Uni.createFrom().item(failure(e, url));
        }
        return search.apply(request).onFailure().recoverWithItem(e -> failure(e, url));
    }

    /** MISP's refusal of a search without parameters. */
    static Response withoutParameters(String url) {
        return error(400, "Bad Request", NO_PARAMETERS, url).build();
    }

    /**
     * The answer to a failed search at {@code url}, in MISP's error shape (which MISP clients read, not problem+json);
     * never a value searched, a key or a stack trace.
     */
    static Response failure(Throwable failure, String url) {
        if (failure instanceof MispRequestException e) {
            return error(400, "Bad Request", e.getMessage(), url).build();
        }
        if (failure instanceof SearchRefusedException e) {
            String text = SearchTexts.text(e, SearchTexts.of(Locale.ENGLISH));
            return error(e.status(), e.status() == 429 ? "Too Many Requests" : "Service Unavailable", text, url)
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
        }
        LOG.errorf("MISP API search at %s failed: %s", url, failure.getClass().getName());
        return error(500, "An Internal Error Has Occurred.", "An Internal Error Has Occurred.", url).build();
    }

    private static Response.ResponseBuilder error(int status, String name, String message, String url) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(MispErrors.body(name, message, url))
                .header("Cache-Control", "no-store");
    }

    static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new MispRequestException(null, NO_PARAMETERS);
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MispRequestException(null, "The body is not JSON: POST a JSON object of filters, such as"
                    + " {\"value\": \"198.51.100.7\"}.");
        }
    }

    /**
     * A streamed answer with MISP's {@code X-Result-Count} and, when members did not answer completely, the
     * {@code X-Alliance-Partial} header naming them.
     */
    static Response ok(StreamingOutput entity, String mediaType, int resultCount, String partial) {
        Response.ResponseBuilder r = Response.ok(entity)
                .type(mediaType)
                .header("X-Result-Count", resultCount)
                .header("Cache-Control", "no-store");
        if (partial != null) {
            r.header("X-Alliance-Partial", partial);
        }
        return r.build();
    }
}
