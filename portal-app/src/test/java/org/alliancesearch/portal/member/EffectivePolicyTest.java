package org.alliancesearch.portal.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.portal.member.service.MemberService;
import org.alliancesearch.portal.testsupport.Members;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** Member overrides only ever make the alliance policy stricter. */
@QuarkusTest
class EffectivePolicyTest {
    @Inject
    MemberService members;

    @Test
    void overridesTightenNeverLoosen() throws Throwable {
        Map<String, Object> strict = Members.body("Strict member", "k");
        strict.put("policy", Map.of("maxTlp", "clear", "dropTags", List.of("internal:*", "tlp:red")));
        String strictId = Members.create(strict);
        Map<String, Object> loose = Members.body("Loose member", "k");
        loose.put("policy", Map.of("maxTlp", "amber+strict"));
        String looseId = Members.create(loose);
        String plainId = Members.create();

        AlliancePolicy alliance = new AlliancePolicy(Tlp.AMBER, List.of("tlp:red", "PAP:RED"));
        Map<String, AlliancePolicy> policies = VertxContextSupport
                .subscribeAndAwait(() -> members.effectivePolicies(alliance));

        assertThat(policies.get(strictId).maxTlp()).isEqualTo(Tlp.CLEAR);
        assertThat(policies.get(strictId).dropTags()).containsExactly("tlp:red", "PAP:RED", "internal:*");
        assertThat(policies.get(looseId).maxTlp()).isEqualTo(Tlp.AMBER);
        assertThat(policies.get(plainId)).isEqualTo(alliance);
    }
}
