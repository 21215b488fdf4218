package org.alliancesearch.portal.digest.service;

import java.time.LocalDate;

import org.alliancesearch.model.digest.Digest;

/**
 * A digest as stored: the week it belongs to (the Monday, UTC, of the week its window ends in) and its contents.
 */
public record StoredDigest(LocalDate weekStart, Digest digest) {
}
