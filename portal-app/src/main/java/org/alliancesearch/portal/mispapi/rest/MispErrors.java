package org.alliancesearch.portal.mispapi.rest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.model.mispapi.MispRequestException;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.search.service.SearchRefusedException;
import org.jboss.logging.Logger;

/**
 * Errors of the MISP-compatible API in MISP's shape, {@code {"name", "message", "url"}}, which MISP clients read (not
 * problem+json). Messages never carry a value searched, a key or a stack trace.
 */
public final class MispErrors {
    private static final Logger LOG = Logger.getLogger(MispErrors.class);

    private MispErrors() {
    }

    /** The response for a failure of a search at {@code url}. */
    public static Response of(Throwable failure, String url) {
        if (failure instanceof MispRequestException e) {
            return body(400, "Bad Request", e.getMessage(), url).build();
        }
        if (failure instanceof SearchRefusedException e) {
            String text = e.text(SearchTexts.of(Locale.ENGLISH));
            return body(e.status(), e.status() == 429 ? "Too Many Requests" : "Service Unavailable", text, url)
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
        }
        LOG.errorf("MISP API search at %s failed: %s", url, failure.getClass().getName());
        return body(500, "An Internal Error Has Occurred.", "An Internal Error Has Occurred.", url).build();
    }

    /** A MISP error body. */
    public static Response.ResponseBuilder body(int status, String name, String message, String url) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("message", message);
        body.put("url", url);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).header("Cache-Control",
                "no-store");
    }
}
