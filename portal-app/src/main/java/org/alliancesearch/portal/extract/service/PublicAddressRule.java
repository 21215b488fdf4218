package org.alliancesearch.portal.extract.service;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancesearch.portal.common.net.AddressClass;
import org.alliancesearch.portal.common.net.AddressClassifier;
import org.alliancesearch.portal.common.net.Cidr;
import org.alliancesearch.portal.extract.config.ExtractConfig;

/**
 * The production rule: public addresses only ({@link AddressClass#PUBLIC}), less the ranges an operator refuses on
 * top ({@code alliance.extract.fetch.refuse-ranges}). There is deliberately no setting that allows more.
 */
@ApplicationScoped
public class PublicAddressRule implements AddressRule {
    /** The code of an address in a range refused by configuration. */
    public static final String REFUSED_RANGE = "refused-range";

    private final List<Cidr> refused;

    @Inject
    public PublicAddressRule(ExtractConfig config) {
        this(config.fetch().refuseRanges().orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Cidr::parse)
                .toList());
    }

    public PublicAddressRule(List<Cidr> refused) {
        this.refused = List.copyOf(refused);
    }

    @Override
    public Optional<String> refusal(InetAddress address) {
        AddressClass kind = AddressClassifier.classify(address);
        if (kind != AddressClass.PUBLIC) {
            return Optional.of(kind.code());
        }
        return refused.stream().anyMatch(c -> c.contains(address)) ? Optional.of(REFUSED_RANGE) : Optional.empty();
    }
}
