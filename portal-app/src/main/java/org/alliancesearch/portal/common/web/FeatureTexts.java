package org.alliancesearch.portal.common.web;

import java.util.List;
import java.util.Locale;

/**
 * One feature's table from codes (the {@link org.alliancesearch.portal.common.problem.Reason reasons} its service
 * names, the actions its pages report done) to the texts of its message bundle. A CDI bean; {@link Texts} asks each.
 */
public interface FeatureTexts {
    /**
     * The text of a code in a language, or null when the code is not this feature's.
     *
     * @param args the values the text needs; a done action's come from the query ({@link Long})
     */
    String text(String code, List<Object> args, Locale locale);

    /** The i-th value as a number (an int message parameter), 0 when absent. */
    static int number(List<Object> args, int i) {
        return i < args.size() && args.get(i) instanceof Number n ? n.intValue() : 0;
    }

    /** The i-th value as a long message parameter, 0 when absent. */
    static long whole(List<Object> args, int i) {
        return i < args.size() && args.get(i) instanceof Number n ? n.longValue() : 0L;
    }

    /** The i-th value as text, empty when absent. */
    static String string(List<Object> args, int i) {
        return i < args.size() && args.get(i) != null ? String.valueOf(args.get(i)) : "";
    }
}
