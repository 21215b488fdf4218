package org.alliancesearch.portal.apikey.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A personal API key presented on a MISP-compatible path. */
public class MispKeyRequest extends BaseAuthenticationRequest {
    private final String key;

    public MispKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "MispKeyRequest"; // never the key
    }
}
