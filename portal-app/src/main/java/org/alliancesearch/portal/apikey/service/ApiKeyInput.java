package org.alliancesearch.portal.apikey.service;

/**
 * A new key asked for.
 *
 * @param name what the key is for (1 to 100 characters, no control characters)
 * @param expiresInDays the key's life in days (1 to the configured maximum); 90 when not given
 */
public record ApiKeyInput(String name, Integer expiresInDays) {
}
