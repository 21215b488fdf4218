package org.alliancesearch.portal.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.ConnectionReport;
import org.alliancesearch.connector.ConnectionTester;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberHealth;
import org.alliancesearch.connector.MemberHealthView;
import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.connector.MemberStatus;

import io.smallrye.mutiny.Uni;

/**
 * Test-only stand-ins for the federation connector's beans until its implementation is merged. They record what the
 * portal hands over, so tests can check the portal's side of the contract.
 */
public final class InterimConnector {
    private InterimConnector() {
    }

    @ApplicationScoped
    public static class Registry implements MemberRegistry {
        private final Map<String, MemberEndpoint> members = new ConcurrentHashMap<>();

        @Override
        public void upsert(MemberEndpoint endpoint) {
            members.put(endpoint.id(), endpoint);
        }

        @Override
        public void remove(String memberId) {
            members.remove(memberId);
        }

        @Override
        public List<MemberEndpoint> all() {
            return new ArrayList<>(members.values());
        }

        @Override
        public Optional<MemberEndpoint> find(String memberId) {
            return Optional.ofNullable(members.get(memberId));
        }
    }

    @ApplicationScoped
    public static class Tester implements ConnectionTester {
        public final List<MemberEndpoint> tested = new CopyOnWriteArrayList<>();

        @Override
        public Uni<ConnectionReport> test(MemberEndpoint endpoint) {
            tested.add(endpoint);
            return Uni.createFrom().item(new ConnectionReport(MemberStatus.UNAUTHORIZED, null, null, null, List.of(),
                    3, "API key refused by " + endpoint.baseUri().getHost()));
        }
    }

    @ApplicationScoped
    public static class Health implements MemberHealthView {
        @Override
        public Optional<MemberHealth> health(String memberId) {
            return Optional.of(new MemberHealth(memberId, MemberStatus.OK, null, Instant.EPOCH, Instant.EPOCH, 10,
                    20, 30, 0.0, 1, "CLOSED"));
        }
    }
}
