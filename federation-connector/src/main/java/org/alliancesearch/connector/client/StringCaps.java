package org.alliancesearch.connector.client;

import org.alliancesearch.model.misp.MispStringCaps;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Caps on the strings of one record, in characters: the attribute's value and comment, its event's info, tag names
 * (of the attribute and of its event) and organisation names ({@code Event.Orgc}, {@code Event.Org}). A longer string
 * is cut and ends with {@code …}; {@link #apply} says whether anything was cut. The rule itself is the shared model's
 * ({@link MispStringCaps}), which the token reader of attributes applies too.
 */
public record StringCaps(int value, int comment, int eventInfo, int tag, int organisation) {
    /** Nothing is cut (tests of the raw parser). */
    public static StringCaps none() {
        return new StringCaps(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE);
    }

    /** The same caps for the shared model's readers. */
    public MispStringCaps model() {
        return new MispStringCaps(value, comment, eventInfo, tag, organisation);
    }

    /** Cuts the strings of this record's tree in place; true when at least one was cut. */
    public boolean apply(JsonNode record) {
        return model().apply(record);
    }
}
