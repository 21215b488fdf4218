package org.alliancesearch.portal.member.view;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

import org.alliancesearch.connector.ConnectionReport;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.problem.Versions;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.member.service.MemberHealthRow;
import org.alliancesearch.portal.member.service.MemberInput;
import org.alliancesearch.portal.member.service.MemberPolicyOverride;
import org.alliancesearch.portal.member.service.MemberService;
import org.alliancesearch.portal.member.service.MemberView;
import org.alliancesearch.portal.member.service.MembersConfig;
import org.alliancesearch.portal.policy.service.PolicyService;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** Admin pages for member instances and their health. Forms POST with a CSRF token and redirect with a flash. */
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class MemberPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext ctx, List<MemberView> members);

        static native TemplateInstance form(PageContext ctx, MemberForm form, String action, boolean editing,
                Map<String, String> errors, List<String> tlps);

        static native TemplateInstance test(PageContext ctx, MemberView member, ConnectionReport report);

        static native TemplateInstance health(PageContext ctx, List<MemberHealthRow> rows);
    }

    /** The form fields of a member. */
    public static class MemberFormData {
        @RestForm
        public String name;
        @RestForm
        public String organisation;
        @RestForm
        public String url;
        @RestForm
        public String apiKey;
        @RestForm
        public String timeoutMs;
        @RestForm
        public String enabled;
        @RestForm
        public String verifyTls;
        @RestForm
        public String caPem;
        @RestForm
        public String tlsPinSha256;
        @RestForm
        public String clientCertPem;
        @RestForm
        public String clientKeyPem;
        @RestForm
        public String maxTlp;
        @RestForm
        public String dropTags;
        @RestForm
        public String version;

        MemberInput toInput() {
            return new MemberInput(name, organisation, url, apiKey, verifyTls != null, caPem, clientCertPem,
                    clientKeyPem, parseTimeout(), enabled != null, tlsPinSha256,
                    new MemberPolicyOverride(maxTlp, PolicyService.splitLines(dropTags)),
                    Versions.expected(version, null));
        }

        private Integer parseTimeout() {
            if (timeoutMs == null || timeoutMs.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(timeoutMs.trim());
            } catch (NumberFormatException e) {
                // out of range on purpose: reported as such
                return Integer.MIN_VALUE;
            }
        }

        MemberForm toForm(boolean hasClientKey) {
            return new MemberForm(nn(name), nn(organisation), nn(url), nn(timeoutMs), enabled != null,
                    verifyTls != null, nn(caPem), nn(tlsPinSha256), nn(clientCertPem), hasClientKey, nn(maxTlp),
                    nn(dropTags),
                    nn(version));
        }

        private static String nn(String value) {
            return value == null ? "" : value;
        }
    }

    private final MemberService members;
    private final Pages pages;
    private final MembersConfig config;

    public MemberPages(MemberService members, Pages pages, MembersConfig config) {
        this.members = members;
        this.pages = pages;
        this.config = config;
    }

    private static List<String> tlps() {
        return Arrays.stream(Tlp.values()).filter(t -> !PolicyService.belowFloor(t)).map(Tlp::code).toList();
    }

    @GET
    @Path("/members")
    public Uni<Response> list() {
        return members.list().flatMap(list -> pages.render(Templates.list(pages.context(), list)));
    }

    @GET
    @Path("/members/new")
    public Uni<Response> createForm() {
        return pages.render(Templates.form(pages.context(), MemberForm.empty(config.defaultTimeoutMs()),
                "/admin/members", false, Map.of(), tlps()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/members")
    public Uni<Response> create(@BeanParam MemberFormData data) {
        return members.create(data.toInput())
                .map(created -> Pages.seeOther("/admin/members", "member-created"))
                .onFailure(CodedProblem.class).recoverWithUni(failure -> invalid(
                        Templates.form(pages.context(), data.toForm(false), "/admin/members", false,
                                errors(pages.worded((CodedProblem) failure)), tlps())));
    }

    @GET
    @Path("/members/{id}/edit")
    public Uni<Response> editForm(@PathParam("id") String id) {
        return members.get(parse(id)).flatMap(m -> pages.render(Templates.form(pages.context(),
                MemberForm.of(m), "/admin/members/" + m.id(), true, Map.of(), tlps())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/members/{id}")
    public Uni<Response> update(@PathParam("id") String id, @BeanParam MemberFormData data) {
        UUID memberId = parse(id);
        return members.update(memberId, data.toInput())
                .map(saved -> Pages.seeOther("/admin/members", "member-updated"))
                .onFailure(e -> e instanceof CodedProblem p && p.status() != 404).recoverWithUni(e -> {
                    ProblemException failure = pages.worded((CodedProblem) e);
                    return members.get(memberId).flatMap(current -> refused(Templates.form(pages.context(),
                            data.toForm(current.hasClientKey()), "/admin/members/" + memberId, true, errors(failure),
                            tlps()), failure));
                });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/members/{id}/delete")
    public Uni<Response> delete(@PathParam("id") String id) {
        return members.delete(parse(id))
                .map(v -> Pages.seeOther("/admin/members", "member-deleted"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/members/{id}/test")
    public Uni<Response> test(@PathParam("id") String id) {
        UUID memberId = parse(id);
        return members.get(memberId)
                .flatMap(member -> members.test(memberId)
                        .flatMap(report -> pages.render(Templates.test(pages.context(), member, report))));
    }

    @GET
    @Path("/health")
    public Uni<Response> health() {
        return members.health().flatMap(rows -> pages.render(Templates.health(pages.context(), rows)));
    }

    private Uni<Response> invalid(TemplateInstance form) {
        return pages.render(form, Response.Status.BAD_REQUEST);
    }

    private Uni<Response> refused(TemplateInstance form, ProblemException failure) {
        return pages.render(form, Response.Status.fromStatusCode(failure.status()));
    }

    private static Map<String, String> errors(ProblemException failure) {
        return failure.errors().stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
    }

    private UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(pages.messages().detail_member_not_found(id));
        }
    }
}
