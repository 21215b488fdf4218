package org.alliancesearch.model.misp;

/**
 * An organisation as an event names it ({@code Orgc}, the creator, or {@code Org}, the owner on that server).
 *
 * @param name the name as sent, or null
 * @param uuid the organisation's uuid in lower case, or null
 */
public record MispOrganisation(String name, String uuid) {
}
