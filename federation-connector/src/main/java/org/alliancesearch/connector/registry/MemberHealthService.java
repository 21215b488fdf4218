package org.alliancesearch.connector.registry;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.MemberHealth;
import org.alliancesearch.connector.MemberHealthView;

/** Health of the registered members, as observed by the connector since each member was (re)registered. */
@ApplicationScoped
public class MemberHealthService implements MemberHealthView {
    private final MemberRegistryService registry;

    public MemberHealthService(MemberRegistryService registry) {
        this.registry = registry;
    }

    @Override
    public Optional<MemberHealth> health(String memberId) {
        return registry.instance(memberId).map(MemberInstance::health);
    }
}
