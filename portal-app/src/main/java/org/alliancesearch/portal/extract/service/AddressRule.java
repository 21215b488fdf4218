package org.alliancesearch.portal.extract.service;

import java.net.InetAddress;
import java.util.Optional;

/** Which addresses the report fetch may connect to. */
public interface AddressRule {
    /** Why the address is refused (a stable lower-case word such as {@code loopback}), or empty if allowed. */
    Optional<String> refusal(InetAddress address);
}
