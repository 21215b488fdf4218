package org.alliancesearch.model.misp;

import java.util.Objects;

/**
 * A tag as MISP returns it on an attribute or an event.
 *
 * @param name the tag name as sent by the member (case varies in the wild: {@code TLP:GREEN}, {@code tlp:green})
 * @param inherited true when MISP copied the tag from the event ({@code includeEventTags}), or when the tag sits on
 *        the event itself
 */
public record MispTag(String name, boolean inherited) {
    public MispTag {
        Objects.requireNonNull(name, "name");
    }

    public static MispTag of(String name) {
        return new MispTag(name, false);
    }
}
