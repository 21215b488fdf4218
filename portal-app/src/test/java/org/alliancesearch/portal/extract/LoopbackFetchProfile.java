package org.alliancesearch.portal.extract;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.alliancesearch.portal.common.net.AddressClass;
import org.alliancesearch.portal.common.net.AddressClassifier;
import org.alliancesearch.portal.extract.service.AddressRule;
import org.alliancesearch.portal.extract.service.PublicAddressRule;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Tests only: the production address rule with loopback allowed, so that the portal can fetch from a WireMock server
 * on 127.0.0.1. The alternative has no priority: only this profile selects it, and no configuration of the
 * application can.
 */
public class LoopbackFetchProfile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(LoopbackAllowedRule.class);
    }

    /** Loopback, then the production rule. */
    @Alternative
    @ApplicationScoped
    public static class LoopbackAllowedRule implements AddressRule {
        private final PublicAddressRule production = new PublicAddressRule(List.of());

        @Override
        public Optional<String> refusal(java.net.InetAddress address) {
            return AddressClassifier.classify(address) == AddressClass.LOOPBACK
                    ? Optional.empty()
                    : production.refusal(address);
        }
    }
}
