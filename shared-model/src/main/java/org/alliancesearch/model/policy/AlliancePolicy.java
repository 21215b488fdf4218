package org.alliancesearch.model.policy;

import java.util.List;

/**
 * What the alliance allows to be shown. Applied after the merge, and also sent to members as excluded tags, because
 * members may ignore filters. A record (attribute) with a dropping tag, or with a TLP above {@link #maxTlp()}, on
 * itself or on its event, is removed before it can contribute anything to an indicator. A record without a TLP tag is
 * not limited by {@code maxTlp}.
 *
 * @param maxTlp the most restrictive TLP that may be shown
 * @param dropTags tag patterns ({@code *} wildcards, case-insensitive) that remove a record wherever they sit
 */
public record AlliancePolicy(Tlp maxTlp, List<String> dropTags) {
    /**
     * The floor no policy can lower: these tags always remove a record (see {@link TagPolicy}), and no ceiling is
     * above {@link #FLOOR_MAX_TLP}.
     */
    public static final List<String> FLOOR_TAGS = List.of("tlp:red", "PAP:RED");

    /** The least restrictive ceiling a policy may have: {@code RED} is never shown. */
    public static final Tlp FLOOR_MAX_TLP = Tlp.AMBER_STRICT;

    public AlliancePolicy {
        maxTlp = maxTlp == null ? Tlp.AMBER : maxTlp;
        dropTags = dropTags == null ? List.of() : List.copyOf(dropTags);
    }

    /** The default: up to {@code tlp:amber}, and {@code tlp:red} and {@code PAP:RED} drop a record. */
    public static AlliancePolicy defaults() {
        return new AlliancePolicy(Tlp.AMBER, FLOOR_TAGS);
    }

    /** A policy with this maximum TLP and these dropping tag patterns. */
    public static AlliancePolicy of(Tlp maxTlp, String... dropTags) {
        return new AlliancePolicy(maxTlp, List.of(dropTags));
    }
}
