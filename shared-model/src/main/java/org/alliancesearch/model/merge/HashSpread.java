package org.alliancesearch.model.merge;

/** The hash spreading of the merge's open-addressing tables, in one place. */
final class HashSpread {
    private HashSpread() {
    }

    /** Mixes the high bits of a hash code into the low ones that pick a slot. */
    static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
