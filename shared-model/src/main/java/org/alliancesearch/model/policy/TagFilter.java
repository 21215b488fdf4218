package org.alliancesearch.model.policy;

import java.util.List;

/**
 * A search's own tag filter, applied again to the answers because members may ignore filters. A record passes when it
 * carries at least one tag matching an include pattern (or there are none) and no tag matching an exclude pattern.
 * The record's tags are its own and its event's.
 *
 * @param include tag patterns of which a record must carry at least one (empty: any record)
 * @param exclude tag patterns that exclude a record
 */
public record TagFilter(List<String> include, List<String> exclude) {
    public TagFilter {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    /** No filter: every record passes. */
    public static TagFilter none() {
        return new TagFilter(List.of(), List.of());
    }

    /** True when this filter lets every record through. */
    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }
}
