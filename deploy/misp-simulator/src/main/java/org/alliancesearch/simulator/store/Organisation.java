package org.alliancesearch.simulator.store;

import java.util.UUID;

/** A MISP organisation: its name and uuid (the local numeric id is assigned by each store). */
public record Organisation(String name, UUID uuid) {
}
