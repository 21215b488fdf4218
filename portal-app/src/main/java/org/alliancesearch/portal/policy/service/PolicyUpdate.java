package org.alliancesearch.portal.policy.service;

import java.util.List;

/**
 * A change of the alliance policy.
 *
 * @param maxTlp a {@link org.alliancesearch.model.policy.Tlp} name (case-insensitive; {@code WHITE} reads as CLEAR)
 * @param dropTags tag patterns, {@code *} wildcards
 */
public record PolicyUpdate(String maxTlp, List<String> dropTags) {
}
