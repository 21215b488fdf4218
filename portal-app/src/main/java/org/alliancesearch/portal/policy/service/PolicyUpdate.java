package org.alliancesearch.portal.policy.service;

import java.util.List;

/**
 * A change of the alliance policy.
 *
 * @param maxTlp a TLP level: {@code clear}, {@code green}, {@code amber}, {@code amber+strict}, {@code red} (also
 *        {@code TLP:AMBER}, {@code white})
 * @param dropTags tag patterns, {@code *} wildcards; {@code tlp:red} and {@code PAP:RED} are always added
 * @param version the version this change is based on, or null (last writer wins)
 */
public record PolicyUpdate(String maxTlp, List<String> dropTags, Long version) {
    public PolicyUpdate(String maxTlp, List<String> dropTags) {
        this(maxTlp, dropTags, null);
    }
}
