package org.alliancesearch.simulator.data;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.alliancesearch.simulator.PlantedValue;
import org.alliancesearch.simulator.store.AttributeDraft;
import org.alliancesearch.simulator.store.EventDraft;
import org.alliancesearch.simulator.store.MispStore;
import org.alliancesearch.simulator.store.TagDraft;

/**
 * Writes {@link PlantedValue}s into a store: events of up to {@value #ATTRIBUTES_PER_EVENT} attributes, tagged
 * {@code tlp:green}, every attribute with a uuid derived from the organisation, the value and its number (so that
 * no two members share an attribute and runs agree).
 */
public final class ValuePlanter {
    static final int ATTRIBUTES_PER_EVENT = 1000;

    private ValuePlanter() {
    }

    public static void plant(MispStore store, PlantedValue planted, long referenceEpochSecond) {
        String org = store.owner().name();
        int left = planted.hitsPerInstance();
        int eventNumber = 0;
        while (left > 0) {
            int size = Math.min(ATTRIBUTES_PER_EVENT, left);
            EventDraft ev = new EventDraft();
            ev.uuid = uuid(org, planted.value(), "event", eventNumber);
            ev.info = "Planted " + planted.type() + " " + planted.value() + " (" + (eventNumber + 1) + ")";
            ev.dateEpochDay = referenceEpochSecond / 86_400 - 1;
            ev.published = true;
            ev.timestamp = referenceEpochSecond - 3_600;
            ev.publishTimestamp = referenceEpochSecond - 3_600;
            ev.tags.add(new TagDraft("tlp:green"));
            for (int i = 0; i < size; i++) {
                AttributeDraft a = new AttributeDraft();
                a.uuid = uuid(org, planted.value(), "attribute", planted.hitsPerInstance() - left + i);
                a.type = planted.type();
                a.category = DataGenerator.categoryOf(planted.type());
                a.value = planted.value();
                a.toIds = true;
                a.timestamp = ev.timestamp;
                ev.attributes.add(a);
            }
            store.addEvent(ev);
            left -= size;
            eventNumber++;
        }
    }

    private static UUID uuid(String org, String value, String kind, int n) {
        return UUID.nameUUIDFromBytes((org + "|" + value + "|" + kind + "|" + n).getBytes(StandardCharsets.UTF_8));
    }
}
