package org.alliancesearch.portal.policy.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AlliancePolicyRepository implements PanacheRepositoryBase<AlliancePolicySetting, Integer> {
    public Uni<AlliancePolicySetting> current() {
        return findById(AlliancePolicySetting.SINGLETON_ID);
    }
}
