package org.alliancesearch.model.merge;

import java.util.Arrays;

/** A set of small non-negative ints (tag spellings, members): two words inline, more on demand. */
final class TagSet {
    long w0;
    long w1;
    long[] more;

    void add(int bit) {
        if (bit < 64) {
            w0 |= 1L << bit;
        } else if (bit < 128) {
            w1 |= 1L << bit;
        } else {
            int word = (bit >>> 6) - 2;
            if (more == null || word >= more.length) {
                more = Arrays.copyOf(more == null ? new long[0] : more, Math.max(word + 1, 4));
            }
            more[word] |= 1L << bit;
        }
    }

    void addAll(TagSet other) {
        w0 |= other.w0;
        w1 |= other.w1;
        if (other.more != null) {
            if (more == null || more.length < other.more.length) {
                more = Arrays.copyOf(more == null ? new long[0] : more, other.more.length);
            }
            for (int i = 0; i < other.more.length; i++) {
                more[i] |= other.more[i];
            }
        }
    }

    void clear() {
        w0 = 0;
        w1 = 0;
        more = null;
    }

    int words() {
        return 2 + (more == null ? 0 : more.length);
    }

    long word(int i) {
        return i == 0 ? w0 : i == 1 ? w1 : more[i - 2];
    }
}
