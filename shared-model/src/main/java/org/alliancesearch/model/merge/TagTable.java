package org.alliancesearch.model.merge;

import java.util.ArrayList;
import java.util.HashMap;

import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.policy.Tlp;

/**
 * The distinct tag names of one merge, each classified once by the policy, with the groups of spellings of one
 * tag: open addressing by the name's hash; a name's index is its bit in tag sets ({@link TagSet}).
 */
final class TagTable {
    static final Tlp[] TLP_BY_RANK = {null, Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED};

    /** Tag facts combined as bits, the TLP as rank (0 none, else ordinal + 1). */
    static final int DROP = 1;
    static final int INCLUDED = 2;
    static final int EXCLUDED = 4;

    /** What the policy makes of one distinct tag name (one spelling), with the group of all its spellings. */
    static final class Tag {
        final String name;
        final int hash;
        /** Index among the distinct names of this merge: the bit of this spelling in tag sets. */
        final int id;
        final int flags;
        final int tlpRank;
        final TagGroup group;

        Tag(String name, int hash, int id, int flags, int tlpRank, TagGroup group) {
            this.name = name;
            this.hash = hash;
            this.id = id;
            this.flags = flags;
            this.tlpRank = tlpRank;
            this.group = group;
        }
    }

    /** All spellings of one tag; shown as the TLP 2.0 tag or as the spelling that sorts last (order-independent). */
    static final class TagGroup {
        final int id;
        final String key;
        final Tlp tlp;
        String spelling;

        TagGroup(int id, String key, Tlp tlp) {
            this.id = id;
            this.key = key;
            this.tlp = tlp;
        }

        void offer(String name) {
            if (spelling == null || (spelling != name && name.compareTo(spelling) > 0)) {
                spelling = name;
            }
        }

        String display() {
            return tlp != null ? tlp.tagName() : spelling;
        }
    }

    private final TagPolicy policy;
    /** Distinct tag names, open addressing by the name's hash. */
    private Tag[] table = new Tag[512];
    /** The same names by index. */
    final ArrayList<Tag> list = new ArrayList<>(256);
    private final HashMap<String, TagGroup> groups = new HashMap<>(256);

    TagTable(TagPolicy policy) {
        this.policy = policy;
    }

    /** The tag of this name, classified when first seen. */
    Tag tag(String name) {
        int h = name.hashCode();
        Tag[] table = this.table;
        int mask = table.length - 1;
        for (int i = HashSpread.spread(h) & mask;; i = (i + 1) & mask) {
            Tag t = table[i];
            if (t == null) {
                break;
            }
            if (t.hash == h && (t.name == name || t.name.equals(name))) {
                return t;
            }
        }
        TagPolicy.TagInfo info = policy.classify(name);
        TagGroup group = groups.get(info.key());
        if (group == null) {
            group = new TagGroup(groups.size(), info.key(), info.tlp());
            groups.put(info.key(), group);
        }
        int flags = (info.dropping() ? DROP : 0) | (info.included() ? INCLUDED : 0)
                | (info.excluded() ? EXCLUDED : 0);
        Tag tag = new Tag(name, h, list.size(), flags, info.tlp() == null ? 0 : info.tlp().ordinal() + 1,
                group);
        list.add(tag);
        if (list.size() * 2 > table.length) {
            this.table = new Tag[table.length * 2];
            for (Tag t : list) {
                insert(this.table, t);
            }
        } else {
            insert(table, tag);
        }
        return tag;
    }

    private static void insert(Tag[] table, Tag tag) {
        int mask = table.length - 1;
        int i = HashSpread.spread(tag.hash) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = tag;
    }
}
