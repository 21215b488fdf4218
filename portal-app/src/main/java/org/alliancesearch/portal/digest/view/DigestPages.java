package org.alliancesearch.portal.digest.view;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.model.digest.Digest;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.digest.i18n.DigestMessages;
import org.alliancesearch.portal.digest.i18n.DigestTexts;
import org.alliancesearch.portal.digest.service.DigestService;
import org.alliancesearch.portal.digest.service.StoredDigest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The weekly digest page, for alliance members as the search page is: when it was built and what it covers (in the
 * reader's zone), which members failed, the shared indicators, the top tags and galaxy clusters, and each member's
 * activity.
 */
@Path("/digest")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class DigestPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance digest(PageContext ctx, View view);
    }

    /**
     * What the page shows; null fields when no digest was built yet.
     *
     * @param builtAt when it was built, in the reader's zone
     * @param builtAtIso the same in UTC, ISO 8601
     */
    public record View(String builtAt, String builtAtIso, String window, List<MemberRow> failed,
            List<IndicatorRow> indicators, String indicatorCount, List<RankRow> tags, List<ClusterRow> clusters,
            List<MemberRow> members) {
    }

    public record IndicatorRow(String value, String family, String types, String organisations,
            int organisationCount, String firstReported, String firstReportedIso) {
    }

    public record RankRow(String name, int organisations) {
    }

    public record ClusterRow(String galaxy, String cluster, String tagName, int organisations) {
    }

    public record MemberRow(String name, String organisation, String status, boolean failed, String reason,
            int events, int attributes) {
    }

    private final DigestService digests;
    private final Pages pages;

    public DigestPages(DigestService digests, Pages pages) {
        this.digests = digests;
        this.pages = pages;
    }

    @GET
    public Uni<Response> digest() {
        DigestMessages msg = DigestTexts.of(pages.locale());
        return digests.latest().flatMap(found -> pages.render(Templates.digest(pages.context(),
                found.map(d -> view(d, msg)).orElse(null))));
    }

    View view(StoredDigest stored, DigestMessages msg) {
        Digest d = stored.digest();
        List<MemberRow> members = d.members().stream().map(m -> new MemberRow(m.name(), m.organisation(),
                status(m.status(), msg), m.failed(), m.message(), m.events(), m.attributes())).toList();
        return new View(pages.time(d.builtAt()), d.builtAt().toString(),
                msg.digest_window(pages.time(d.window().from()), pages.time(d.window().to())),
                members.stream().filter(MemberRow::failed).toList(),
                d.indicators().stream().map(i -> new IndicatorRow(i.value(), i.family(), String.join(", ", i.types()),
                        String.join(", ", i.organisations()), i.organisations().size(),
                        i.firstReported() == null ? "" : pages.time(i.firstReported()),
                        i.firstReported() == null ? "" : i.firstReported().toString())).toList(),
                msg.digest_indicators_count(d.indicators().size(), d.indicatorCount()),
                d.tags().stream().map(t -> new RankRow(t.name(), t.organisations())).toList(),
                d.clusters().stream().map(c -> new ClusterRow(c.type() == null ? "" : c.type(),
                        c.value() == null ? c.tagName() : c.value(), c.tagName(), c.organisations())).toList(),
                members);
    }

    static String status(String status, DigestMessages msg) {
        return switch (status) {
            case "OK" -> msg.digest_status_ok();
            case "PARTIAL" -> msg.digest_status_partial();
            case "TIMEOUT" -> msg.digest_status_timeout();
            default -> msg.digest_status_error();
        };
    }
}
