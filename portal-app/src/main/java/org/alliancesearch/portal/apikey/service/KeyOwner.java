package org.alliancesearch.portal.apikey.service;

import java.util.Set;

/**
 * Who a valid key acts as: its owner as recorded at their last sign-in.
 *
 * @param keyId the key's id
 * @param subject the owner's token subject
 * @param username the owner's user name
 * @param email the owner's e-mail address, or null
 * @param organisation the owner's organisation
 * @param roles the owner's portal roles ({@code member}, {@code admin})
 */
public record KeyOwner(String keyId, String subject, String username, String email, String organisation,
        Set<String> roles) {
}
