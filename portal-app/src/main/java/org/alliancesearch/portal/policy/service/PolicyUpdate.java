package org.alliancesearch.portal.policy.service;

import java.util.List;

/**
 * A change of the alliance policy.
 *
 * @param maxTlp a TLP level: {@code clear}, {@code green}, {@code amber}, {@code amber+strict}, {@code red} (also
 *        {@code TLP:AMBER}, {@code white})
 * @param dropTags tag patterns, {@code *} wildcards
 */
public record PolicyUpdate(String maxTlp, List<String> dropTags) {
}
