package org.alliancesearch.portal.watch.service;

import java.net.URI;
import java.util.Optional;

/** Where the alert goes besides the inbox; the secret is already decrypted. */
public record WatchChannels(Optional<String> email, Optional<URI> webhookUrl, Optional<String> webhookSecret) {
}
