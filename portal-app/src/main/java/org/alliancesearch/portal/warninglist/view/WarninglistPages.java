package org.alliancesearch.portal.warninglist.view;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.warninglist.i18n.WarninglistMessages;
import org.alliancesearch.portal.warninglist.i18n.WarninglistTexts;
import org.alliancesearch.portal.warninglist.service.WarninglistAdmin;
import org.alliancesearch.portal.warninglist.service.WarninglistRefusedException;
import org.alliancesearch.portal.warninglist.service.WarninglistView;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** The admin page of warninglists: the table with a switch per list, and the upload of a list file. */
@Path("/admin/warninglists")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class WarninglistPages {
    /**
     * One list on the page.
     *
     * @param source "bundled", or "uploaded" with the bundled version
     * @param applies the MISP types it applies to, or "every type"
     */
    public record Row(String name, String description, String type, String category, long version, String source,
            boolean uploaded, boolean enabled, int entries, String applies) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext ctx, List<Row> rows, String error,
                int megabytes);
    }

    private final WarninglistAdmin admin;
    private final Pages pages;
    private final Vertx vertx;

    public WarninglistPages(WarninglistAdmin admin, Pages pages, Vertx vertx) {
        this.admin = admin;
        this.pages = pages;
        this.vertx = vertx;
    }

    @GET
    public Uni<Response> list() {
        return page(null, Response.Status.OK);
    }

    @POST
    @Path("enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> setEnabled(@RestForm String name, @RestForm String enabled) {
        boolean on = "true".equals(enabled);
        return admin.setEnabled(name == null ? "" : name, on)
                .map(v -> done(on ? "enabled" : "disabled"))
                .onFailure(WarninglistRefusedException.class).recoverWithUni(this::refused);
    }

    @POST
    @Path("revert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revert(@RestForm String name) {
        return admin.revert(name == null ? "" : name).map(v -> done("reverted"))
                .onFailure(WarninglistRefusedException.class).recoverWithUni(this::refused);
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return page(msg().err_no_file(), Response.Status.BAD_REQUEST);
        }
        if (file.size() > WarninglistAdmin.MAX_UPLOAD_BYTES) {
            return refused(new WarninglistRefusedException(WarninglistRefusedException.Reason.TOO_LARGE, null, null,
                    WarninglistAdmin.MAX_UPLOAD_BYTES));
        }
        // the file is on disk already; reading it is blocking
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return Files.readAllBytes(file.uploadedFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).flatMap(admin::upload).map(v -> done("uploaded"))
                .onFailure(WarninglistRefusedException.class).recoverWithUni(this::refused);
    }

    private static Response done(String what) {
        return Pages.seeOther("/admin/warninglists", "warninglist-" + what);
    }

    private Uni<Response> refused(Throwable e) {
        ProblemException problem = WarninglistTexts.problem((WarninglistRefusedException) e, msg());
        return page(problem.getMessage(), Response.Status.fromStatusCode(problem.status()));
    }

    private Uni<Response> page(String error, Response.Status status) {
        WarninglistMessages msg = msg();
        List<Row> rows = admin.list().stream().map(v -> row(v, msg)).toList();
        return pages.render(Templates.list(pages.context(), rows, error,
                WarninglistAdmin.MAX_UPLOAD_BYTES / (1024 * 1024)), status);
    }

    static Row row(WarninglistView v, WarninglistMessages msg) {
        String source = "bundled".equals(v.source())
                ? msg.wl_source_bundled()
                : v.bundledVersion() == null
                        ? msg.wl_source_uploaded_only()
                        : msg.wl_source_uploaded(v.bundledVersion());
        return new Row(v.name(), v.description(), v.type(), v.category(), v.version(), source,
                "uploaded".equals(v.source()), v.enabled(), v.entries(),
                v.matchingAttributes().isEmpty() ? msg.wl_every_type() : String.join(", ", v.matchingAttributes()));
    }

    private WarninglistMessages msg() {
        return WarninglistTexts.of(pages.locale());
    }
}
