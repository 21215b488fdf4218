package org.alliancesearch.portal.common.problem;

import java.util.Arrays;
import java.util.List;

/**
 * Why something failed or what was done, without words: a stable code ({@code member.url.loopback},
 * {@code saved.created}) and the values its text needs. Services name reasons; the REST mappers and the pages word
 * them in the reader's language (see {@code common.web.Texts}).
 *
 * @param code a stable code, its feature first
 * @param args the values the text shows, in the order the message takes them
 */
public record Reason(String code, List<Object> args) {
    public Reason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Reason of(String code, Object... args) {
        return new Reason(code, Arrays.asList(args));
    }
}
