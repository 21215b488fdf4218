package org.alliancesearch.portal.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address classes, as a table: every special-purpose range, its edges, and IPv6 forms that carry IPv4. */
class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // public
            "8.8.8.8, PUBLIC", "1.1.1.1, PUBLIC", "93.184.216.34, PUBLIC", "9.255.255.255, PUBLIC",
            "11.0.0.0, PUBLIC", "100.63.255.255, PUBLIC", "100.128.0.0, PUBLIC", "172.15.255.255, PUBLIC",
            "172.32.0.0, PUBLIC", "192.167.255.255, PUBLIC", "192.169.0.0, PUBLIC", "169.253.255.255, PUBLIC",
            "223.255.255.255, PUBLIC", "198.17.255.255, PUBLIC", "198.20.0.0, PUBLIC",
            "2606:4700:4700::1111, PUBLIC", "2001:4860:4860::8888, PUBLIC", "2a00:1450:4001:80b::200e, PUBLIC",
            // this machine
            "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK", "127.0.1.1, LOOPBACK", "::1, LOOPBACK",
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", ":: , UNSPECIFIED",
            // private networks
            "10.0.0.1, PRIVATE", "10.255.255.255, PRIVATE", "172.16.0.0, PRIVATE", "172.31.255.255, PRIVATE",
            "192.168.0.1, PRIVATE", "192.168.255.255, PRIVATE", "fec0::1, PRIVATE",
            "100.64.0.1, SHARED", "100.127.255.255, SHARED",
            "169.254.0.1, LINK_LOCAL", "169.254.255.255, LINK_LOCAL", "fe80::1, LINK_LOCAL",
            "febf:ffff::1, LINK_LOCAL",
            // cloud metadata services
            "169.254.169.254, METADATA", "169.254.170.2, METADATA", "100.100.100.200, METADATA",
            "fd00:ec2::254, METADATA",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST", "ff05::2, MULTICAST",
            "fc00::1, UNIQUE_LOCAL", "fd12:3456:789a::1, UNIQUE_LOCAL",
            // not routable on the Internet
            "240.0.0.1, RESERVED", "255.255.255.255, RESERVED", "192.0.0.8, RESERVED", "192.0.2.1, RESERVED",
            "198.51.100.7, RESERVED", "203.0.113.5, RESERVED", "198.18.0.1, RESERVED", "198.19.255.255, RESERVED",
            "192.88.99.1, RESERVED", "2001:db8::1, RESERVED", "3fff::1, RESERVED", "2001::1, RESERVED",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2, RESERVED", "100::1, RESERVED", "64:ff9b:1::1, RESERVED",
            "4000::1, RESERVED",
            // IPv6 forms of IPv4 addresses: classified by the IPv4 address they reach
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:10.0.0.1, PRIVATE", "::ffff:169.254.169.254, METADATA",
            "::ffff:8.8.8.8, PUBLIC", "::ffff:7f00:1, LOOPBACK", "::127.0.0.1, LOOPBACK", "::8.8.8.8, RESERVED",
            "::10.0.0.1, PRIVATE", "64:ff9b::127.0.0.1, LOOPBACK", "64:ff9b::a9fe:a9fe, METADATA",
            "64:ff9b::192.168.1.1, PRIVATE", "64:ff9b::8.8.8.8, PUBLIC", "2002:7f00:1::, LOOPBACK",
            "2002:a00:1::1, PRIVATE", "2002:a9fe:a9fe::, METADATA", "2002:808:808::1, PUBLIC"})
    void classifies(String literal, AddressClass expected) throws Exception {
        assertThat(AddressClassifier.classify(InetAddress.getByName(literal.strip()))).isEqualTo(expected);
    }

    @Test
    void mappedAddressesBuiltFromBytesAreClassifiedToo() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        assertThat(AddressClassifier.classify(InetAddress.getByAddress(mapped))).isEqualTo(AddressClass.LOOPBACK);
        assertThat(AddressClassifier.classify(java.net.Inet6Address.getByAddress(null, mapped, null)))
                .isEqualTo(AddressClass.LOOPBACK);
    }

    /** Members share the classes but keep their own rule: private networks allowed, this machine and metadata not. */
    @ParameterizedTest(name = "member URL {0}: {1}")
    @CsvSource({"http://10.0.0.1/, ", "http://192.168.1.5:8443/, ", "http://100.64.1.1/, ",
            "http://[fd12::1]/, ", "http://169.254.169.254/, url.metadata", "http://[fd00:ec2::254]/, url.metadata",
            "http://100.100.100.200/, url.metadata", "http://169.254.1.1/, url.link-local",
            "http://[fe80::1]/, url.link-local", "http://127.0.0.1/, url.loopback",
            "http://[::ffff:127.0.0.1]/, url.loopback", "http://[64:ff9b::7f00:1]/, url.loopback",
            "http://[2002:7f00:1::]/, url.loopback", "http://[64:ff9b::a9fe:a9fe]/, url.metadata",
            "http://0.0.0.0/, url.unspecified", "http://[::]/, url.unspecified"})
    void memberUrlsUseTheSameClasses(String url, String refusal) {
        var result = new org.alliancesearch.portal.member.service.MemberUrlValidator(false).check(url);
        assertThat(result.refusal() == null ? null : result.refusal().code()).as(url).isEqualTo(refusal);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({"198.51.100.0/24, 198.51.100.77, true", "198.51.100.0/24, 198.51.101.1, false",
            "198.51.100.0/24, ::ffff:198.51.100.9, true", "198.51.100.0/24, 64:ff9b::198.51.100.9, true",
            "10.0.0.0/8, 10.200.1.1, true", "0.0.0.0/0, 8.8.8.8, true", "0.0.0.0/0, 2001:4860::1, false",
            "2001:db8:1::/48, 2001:db8:1:ffff::1, true", "2001:db8:1::/48, 2001:db8:2::1, false",
            "93.184.216.34, 93.184.216.34, true", "93.184.216.34, 93.184.216.35, false",
            "172.16.0.0/12, 172.31.1.1, true", "172.16.0.0/12, 172.32.0.1, false"})
    void rangesMatchAddressesAndTheirIpv6Forms(String range, String address, boolean contained) throws Exception {
        assertThat(Cidr.parse(range).contains(InetAddress.getByName(address))).isEqualTo(contained);
    }

    @Test
    void rangesAreLiteralsOnly() {
        for (String bad : new String[]{"example.org/24", "10.0.0.0/33", "::/129", "10.0.0/8", "", "10.0.0.0/x"}) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
