package org.alliancesearch.portal.digest.rest;

import java.time.Instant;

import org.alliancesearch.portal.digest.service.DigestSubscriptions;

/**
 * My weekly digest e-mail.
 *
 * @param subscribed whether it is sent to me
 * @param email the address my sign-in gave when I turned it on (the e-mail goes to the one Keycloak has verified when
 *        it is sent); null if I never did
 * @param language en or ja; null if I never chose
 * @param timeZone the zone its times are written in; null if I never chose
 * @param updatedAt when I last changed it (UTC); null if I never did
 */
public record DigestSubscriptionResponse(boolean subscribed, String email, String language, String timeZone,
        Instant updatedAt) {
    static DigestSubscriptionResponse of(DigestSubscriptions.View v) {
        return new DigestSubscriptionResponse(v.subscribed(), v.email(), v.language(), v.timeZone(), v.updatedAt());
    }
}
