package org.alliancesearch.model.merge;

/**
 * A member instance that returned an indicator: what a page or an export names, nothing more.
 *
 * @param id the member's id in the portal
 * @param name the member's display name
 */
public record IndicatorMember(String id, String name) {
}
