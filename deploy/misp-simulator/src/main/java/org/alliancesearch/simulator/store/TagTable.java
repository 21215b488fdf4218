package org.alliancesearch.simulator.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tags known to one simulated server. A tag's local id is its index + 1, as MISP ids start at 1. */
public final class TagTable {
    private final Map<String, Integer> byName = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> colours = new ArrayList<>();

    int intern(String name, String colour) {
        Integer id = byName.get(name);
        if (id == null) {
            id = names.size();
            names.add(name);
            colours.add(colour != null ? colour : defaultColour(name));
            byName.put(name, id);
        }
        return id;
    }

    public int size() {
        return names.size();
    }

    public String name(int tag) {
        return names.get(tag);
    }

    public String colour(int tag) {
        return colours.get(tag);
    }

    private static String defaultColour(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "tlp:red" -> "#CC0033";
            case "tlp:amber", "tlp:amber+strict" -> "#FFC000";
            case "tlp:green" -> "#339900";
            case "tlp:white", "tlp:clear" -> "#ffffff";
            default -> String.format("#%06x", name.hashCode() & 0xFFFFFF);
        };
    }
}
