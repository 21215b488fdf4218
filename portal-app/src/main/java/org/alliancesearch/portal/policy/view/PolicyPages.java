package org.alliancesearch.portal.policy.view;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.problem.Versions;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.policy.service.PolicyService;
import org.alliancesearch.portal.policy.service.PolicyUpdate;
import org.alliancesearch.portal.policy.service.PolicyView;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The admin page for the alliance policy. */
@Path("/admin/policy")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class PolicyPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policy(PageContext ctx, PolicyView policy, String maxTlp, String dropTags,
                long version, List<String> tlps, Map<String, String> errors);
    }

    private final PolicyService policies;
    private final Pages pages;

    public PolicyPages(PolicyService policies, Pages pages) {
        this.policies = policies;
        this.pages = pages;
    }

    static List<String> tlps() {
        return Arrays.stream(Tlp.values()).filter(t -> !PolicyService.belowFloor(t)).map(Tlp::code).toList();
    }

    @GET
    public Uni<Response> show() {
        return policies.view().flatMap(p -> pages.render(Templates.policy(pages.context(), p, p.maxTlp().code(),
                String.join("\n", p.dropTags()), p.version(), tlps(), Map.of())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@RestForm String maxTlp, @RestForm String dropTags, @RestForm String version) {
        Long based = Versions.expected(version, null);
        return policies.update(new PolicyUpdate(maxTlp, PolicyService.splitLines(dropTags), based))
                .map(saved -> Pages.seeOther("/admin/policy", "policy-saved"))
                .onFailure(CodedProblem.class).recoverWithUni(e -> {
                    ProblemException failure = pages.worded((CodedProblem) e);
                    return policies.view().flatMap(current -> pages.render(Templates.policy(pages.context(), current,
                            maxTlp, dropTags, based == null ? current.version() : based, tlps(),
                            errorsByField(failure.errors())), Response.Status.fromStatusCode(failure.status())));
                });
    }

    static Map<String, String> errorsByField(List<FieldError> errors) {
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
    }
}
