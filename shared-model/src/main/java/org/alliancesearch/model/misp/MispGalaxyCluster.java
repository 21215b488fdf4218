package org.alliancesearch.model.misp;

import java.util.Locale;
import java.util.Objects;

/**
 * One galaxy cluster attached to a MISP event (a threat actor, a malware family, an attack pattern …), as the
 * member sent it in {@code Galaxy[].GalaxyCluster[]}.
 *
 * @param tagName the cluster's tag, {@code misp-galaxy:threat-actor="Sofacy"}: the same name MISP puts in the
 *        event's {@code Tag[]}, so a cluster sent both ways is one cluster
 * @param type the galaxy type ({@code threat-actor}), or null
 * @param value the cluster's name ({@code Sofacy}), or null
 */
public record MispGalaxyCluster(String tagName, String type, String value) {
    /** The prefix of every galaxy cluster's tag. */
    public static final String TAG_PREFIX = "misp-galaxy:";

    public MispGalaxyCluster {
        Objects.requireNonNull(tagName, "tagName");
    }

    /** Whether a tag name is a galaxy cluster's tag ({@code misp-galaxy:…}, in any case). */
    public static boolean isGalaxyTag(String tag) {
        return tag != null && tag.regionMatches(true, 0, TAG_PREFIX, 0, TAG_PREFIX.length());
    }

    /**
     * The cluster a galaxy tag names: {@code misp-galaxy:threat-actor="Sofacy"} gives type {@code threat-actor} and
     * value {@code Sofacy}; null when the tag is not a galaxy tag.
     */
    public static MispGalaxyCluster fromTag(String tag) {
        if (!isGalaxyTag(tag)) {
            return null;
        }
        String rest = tag.substring(TAG_PREFIX.length());
        int eq = rest.indexOf('=');
        if (eq < 0) {
            return new MispGalaxyCluster(tag.strip(), rest.strip(), null);
        }
        String value = rest.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return new MispGalaxyCluster(tag.strip(), rest.substring(0, eq).strip(), value);
    }

    /** The key two spellings of one cluster share (tag names compare without case, as MISP's do). */
    public String key() {
        return tagName.strip().toLowerCase(Locale.ROOT);
    }
}
