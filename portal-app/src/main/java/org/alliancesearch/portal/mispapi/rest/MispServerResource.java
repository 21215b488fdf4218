package org.alliancesearch.portal.mispapi.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a MISP client asks before its first search ({@code PyMISP.__init__}, SIEM connectors), answered as MISP 2.5.1
 * answers it to a key whose role may search but not synchronise, sight or edit.
 */
@Path("/servers")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MISP-compatible")
public class MispServerResource {
    /** The MISP version whose API the portal answers like; clients parse it as dot-separated numbers. */
    public static final String MISP_VERSION = "2.5.1";
    /** What MISP 2.5.1 recommends to PyMISP ({@code AppController::$pyMispVersion}): its own version. */
    public static final String PYMISP_RECOMMENDED_VERSION = MISP_VERSION;

    /**
     * {@code ServersController::getVersion}. MISP shows its instance uuid only to a role with {@code perm_sync} and
     * {@code "-"} to every other; portal keys never synchronise. {@code request_encoding} lists the request body
     * encodings the server decodes: the portal decodes none, so a client must not compress what it sends.
     */
    static Map<String, Object> version() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", MISP_VERSION);
        v.put("pymisp_recommended_version", PYMISP_RECOMMENDED_VERSION);
        v.put("perm_sync", false);
        v.put("perm_sighting", false);
        v.put("perm_galaxy_editor", false);
        v.put("perm_analyst_data", false);
        v.put("uuid", "-");
        v.put("request_encoding", List.of());
        v.put("filter_sightings", true);
        return v;
    }

    @GET
    @Path("getVersion")
    @Operation(summary = "MISP's getVersion: the MISP version the API answers like and the key's permissions")
    public Map<String, Object> getVersion() {
        return version();
    }

    @GET
    @Path("getVersion.json")
    @Operation(summary = "The same")
    public Map<String, Object> getVersionJson() {
        return version();
    }

    @GET
    @Path("getPyMISPVersion")
    @Operation(summary = "MISP's older call for the recommended PyMISP version")
    public Map<String, Object> getPymispVersion() {
        return Map.of("version", PYMISP_RECOMMENDED_VERSION);
    }

    @GET
    @Path("getPyMISPVersion.json")
    @Operation(summary = "The same")
    public Map<String, Object> getPymispVersionJson() {
        return getPymispVersion();
    }

    /**
     * MISP's {@code attributes/describeTypes}: every attribute type and category, as {@code {"result": {...}}}. The
     * shared model's copy of MISP's file has that shape already and goes out byte for byte. A class of its own
     * because its path is under {@code /attributes}; it sits here to keep the first calls together.
     */
    @Path("/attributes")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "MISP-compatible")
    public static class DescribeTypesResource {
        private static final byte[] DESCRIBE_TYPES = read("/misp/describeTypes.json");

        @GET
        @Path("describeTypes.json")
        @Operation(summary = "MISP's describeTypes: attribute types, categories and their defaults")
        public Response describeTypesJson() {
            return Response.ok(DESCRIBE_TYPES, MediaType.APPLICATION_JSON_TYPE).build();
        }

        @GET
        @Path("describeTypes")
        @Operation(summary = "The same")
        public Response describeTypes() {
            return describeTypesJson();
        }

        private static byte[] read(String resource) {
            try (InputStream in = MispServerResource.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
