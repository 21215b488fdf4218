package org.alliancesearch.model.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MispTypesTest {

    @Test
    void loadsEveryTypeAndCategoryOfDescribeTypes() {
        assertThat(MispTypes.types()).hasSize(194).startsWith("md5", "sha1", "sha256").contains("ip-dst|port",
                "named pipe", "AS", "onion-address");
        assertThat(MispTypes.categories()).hasSize(16).startsWith("Internal reference", "Targeting data")
                .endsWith("Other").contains("Network activity", "Payload delivery");
        assertThat(MispTypes.typesOfCategory("Network activity")).contains("ip-dst", "domain", "url")
                .doesNotContain("md5");
        assertThat(MispTypes.typesOfCategory("nope")).isEmpty();
    }

    @Test
    void knowsTypesAndCategoriesBySpelling() {
        assertThat(MispTypes.isKnownType("ip-dst")).isTrue();
        assertThat(MispTypes.isKnownType("AS")).isTrue();
        assertThat(MispTypes.isKnownType("ip-DST")).isFalse();
        assertThat(MispTypes.isKnownType("ip")).isFalse();
        assertThat(MispTypes.isKnownType(null)).isFalse();
        assertThat(MispTypes.isKnownCategory("Network activity")).isTrue();
        assertThat(MispTypes.isKnownCategory("network activity")).isFalse();
        assertThat(MispTypes.canonicalType(" IP-DST ")).contains("ip-dst");
        assertThat(MispTypes.canonicalType("as")).contains("AS");
        assertThat(MispTypes.canonicalType("bogus")).isEmpty();
        assertThat(MispTypes.canonicalCategory("network ACTIVITY")).contains("Network activity");
        assertThat(MispTypes.canonicalCategory(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}, to_ids {2}")
    @CsvSource({"md5,Payload delivery,true", "ip-dst,Network activity,true", "comment,Other,false",
            "vulnerability,External analysis,false", "domain,Network activity,true", "text,Other,false"})
    void hasDefaults(String type, String category, boolean toIds) {
        assertThat(MispTypes.defaultCategory(type)).contains(category);
        assertThat(MispTypes.toIdsByDefault(type)).isEqualTo(toIds);
    }

    @Test
    void unknownTypesHaveNoDefaults() {
        assertThat(MispTypes.defaultCategory("bogus")).isEmpty();
        assertThat(MispTypes.defaultCategory(null)).isEmpty();
        assertThat(MispTypes.toIdsByDefault("bogus")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ip-src,ip", "ip-dst,ip", "ip-src|port,ip", "ip-dst|port,ip", "domain,domain", "hostname,domain",
            "domain|ip,domain", "hostname|port,domain", "onion-address,domain", "url,url", "uri,url", "link,link",
            "email,email", "email-src,email", "email-dst,email", "target-email,email",
            "whois-registrant-email,email", "md5,md5", "filename|md5,md5", "malware-sample,md5", "sha1,sha1",
            "filename|sha1,sha1", "sha256,sha256", "filename|sha256,sha256", "sha512,sha512",
            "filename|sha512,sha512", "filename,filename", "email-attachment,filename", "vulnerability,cve",
            "sha224,sha224", "filename|sha224,sha224", "filename|ssdeep,ssdeep", "imphash,imphash",
            "mutex,mutex", "AS,AS", "named pipe,named pipe"})
    void groupsTypesIntoFamilies(String type, String family) {
        assertThat(MispTypes.family(type)).isEqualTo(family);
    }

    @Test
    void everyKnownTypeHasAFamily() {
        assertThat(MispTypes.types()).allSatisfy(type -> assertThat(MispTypes.family(type)).isNotBlank());
    }
}
