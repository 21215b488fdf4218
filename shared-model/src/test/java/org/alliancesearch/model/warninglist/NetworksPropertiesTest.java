package org.alliancesearch.model.warninglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** The tuned CIDR lookup agrees with a plain scan over every entry. */
class NetworksPropertiesTest {

    /** An address or network as a number and prefix length; the plain way, with BigInteger. */
    private record Net(boolean v4, BigInteger address, int prefix, boolean explicit) {
        static Net parse(String text) {
            int slash = text.indexOf('/');
            String ip = slash < 0 ? text : text.substring(0, slash);
            try {
                byte[] bytes = InetAddress.getByName(ip).getAddress();
                int bits = bytes.length * 8;
                int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
                return new Net(bytes.length == 4, new BigInteger(1, bytes), prefix, slash >= 0);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }

        int bits() {
            return v4 ? 32 : 128;
        }

        BigInteger network(int length) {
            return address.shiftRight(bits() - length).shiftLeft(bits() - length);
        }

        boolean holds(Net other) {
            return v4 == other.v4 && network(prefix).equals(other.network(prefix));
        }
    }

    /** The widest entry holding the value's address; a value network wider than it matches nothing. */
    private static Net reference(List<String> entries, String value) {
        Net wanted = Net.parse(value);
        Net widest = null;
        for (String entry : entries) {
            Net net = Net.parse(entry);
            if (net.holds(wanted) && (widest == null || net.prefix < widest.prefix)) {
                widest = net;
            }
        }
        if (widest == null || (wanted.explicit && wanted.prefix < widest.prefix)) {
            return null;
        }
        return widest;
    }

    @Property(tries = 3000)
    void lookupAgreesWithAPlainScan(@ForAll("listAndValue") Tuple2<List<String>, String> input) {
        List<String> entries = input.get1();
        String value = input.get2();
        String found = Networks.of(entries).find(value);
        Net expected = reference(entries, value);
        if (expected == null) {
            assertThat(found).as("%s in %s", value, entries).isNull();
        } else {
            assertThat(found).as("%s in %s", value, entries).isNotNull();
            Net got = Net.parse(found);
            assertThat(got.prefix).isEqualTo(expected.prefix);
            assertThat(got.network(got.prefix)).isEqualTo(expected.network(expected.prefix));
        }
    }

    @Provide
    Arbitrary<Tuple2<List<String>, String>> listAndValue() {
        Arbitrary<String> v4 = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 255)).as((a, b, c, d) -> (10 + a) + "." + b + "." + c + "." + d);
        Arbitrary<String> v6 = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 0xffff), Arbitraries.integers().between(0, 0xffff))
                .as((a, b, c) -> "2001:db8:" + Integer.toHexString(a) + "::" + Integer.toHexString(b) + ":"
                        + Integer.toHexString(c));
        Arbitrary<String> v4Net = Combinators.combine(v4, Arbitraries.integers().between(0, 32),
                Arbitraries.of(true, false)).as((ip, prefix, slash) -> slash ? ip + "/" + prefix : ip);
        Arbitrary<String> v6Net = Combinators.combine(v6, Arbitraries.integers().between(0, 128),
                Arbitraries.of(true, false)).as((ip, prefix, slash) -> slash ? ip + "/" + prefix : ip);
        Arbitrary<String> any = Arbitraries.frequencyOf(Tuple.of(3, v4Net), Tuple.of(1, v6Net));
        return Combinators.combine(any.list().ofMinSize(1).ofMaxSize(12), any).as(Tuple::of);
    }
}
