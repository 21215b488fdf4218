package org.alliancesearch.portal.member.service;

/**
 * The result of re-encrypting every stored secret under the active key.
 *
 * @param activeKey the key everything is now encrypted under
 * @param reencrypted secrets that were re-encrypted
 * @param unchanged secrets that already used the active key
 */
public record RotationReport(String activeKey, int reencrypted, int unchanged) {
}
