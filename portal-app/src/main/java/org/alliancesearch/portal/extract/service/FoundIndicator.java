package org.alliancesearch.portal.extract.service;

/** An indicator found in a report: its canonical value and the MISP type it would be searched as. */
public record FoundIndicator(String value, String type) {
}
