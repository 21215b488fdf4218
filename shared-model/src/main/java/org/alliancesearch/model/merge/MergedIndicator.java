package org.alliancesearch.model.merge;

import java.util.List;

/** One indicator (type family + canonical value) as seen across the alliance. STUB: fields to be completed. */
public record MergedIndicator(String value, String family, List<String> types, List<String> organisations,
        List<String> members) {
}
