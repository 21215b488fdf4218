package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancesearch.model.indicator.NormalisationResult;
import org.alliancesearch.model.indicator.Normaliser;
import org.alliancesearch.simulator.store.Ipv6;
import org.junit.jupiter.api.Test;

/** The simulator stores IPv6 values as MISP does (PHP's inet_ntop), and as the portal writes the searched value. */
class Ipv6Test {
    @Test
    void compressesAsRfc5952() {
        assertThat(Ipv6.compress("2001:0DB8:0000:0000:0000:0000:0000:0001")).isEqualTo("2001:db8::1");
        assertThat(Ipv6.compress("[2001:db8:0:0:1:0:0:1]")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Ipv6.compress("2001:db8:0:0:0:0:0:0/32")).isEqualTo("2001:db8::/32");
        assertThat(Ipv6.compress("0:0:0:0:0:ffff:c000:0201")).isEqualTo("::ffff:192.0.2.1");
    }

    @Test
    void leavesWhatIsNoIpv6Alone() {
        for (String other : new String[]{"198.51.100.7", "evil.example", "a:b:c", "2001:db8::1::2", "", null}) {
            assertThat(Ipv6.compress(other)).isEqualTo(other);
        }
    }

    @Test
    void agreesWithThePortalsNormalisation() {
        for (String address : new String[]{"2001:DB8::0:1", "::1", "fe80:0:0:0:0:0:0:0", "::ffff:10.0.0.1"}) {
            NormalisationResult portal = Normaliser.normalise(address);
            assertThat(Ipv6.compress(address)).as(address).isEqualTo(portal.value());
        }
    }
}
