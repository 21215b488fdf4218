package org.alliancesearch.model.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.alliancesearch.model.indicator.ValueKind;
import org.junit.jupiter.api.Test;

class PivotsTest {
    @Test
    void urlsPivotToTheirHostRightAfterThem() {
        List<SearchedValue> values = Pivots.expand(List.of("http://user@EVIL.example:8080/a?b#c",
                "http://[2001:DB8::1]/x", "https://198.51.100.4/gate", "evil.example/path"), false);
        assertThat(values).extracting(SearchedValue::value).containsExactly("http://user@evil.example:8080/a?b#c",
                "evil.example", "http://[2001:db8::1]/x", "2001:db8::1", "https://198.51.100.4/gate",
                "198.51.100.4", "evil.example/path");
        assertThat(values.get(1)).isEqualTo(new SearchedValue("evil.example", ValueKind.DOMAIN,
                "http://user@evil.example:8080/a?b#c"));
        assertThat(values.get(5).kind()).isEqualTo(ValueKind.IPV4);
    }

    @Test
    void aValueTheSearcherGaveIsNeverTurnedIntoAPivotNorRepeated() {
        List<SearchedValue> values = Pivots.expand(List.of("https://evil.example/a", "evil.example",
                "https://evil.example/b", "evil.example"), false);
        assertThat(values).extracting(SearchedValue::value).containsExactly("https://evil.example/a", "evil.example",
                "https://evil.example/b");
        assertThat(values).allSatisfy(value -> assertThat(value.pivotOf()).isNull());
    }

    @Test
    void emailAddressesPivotToTheirDomainOnlyWhenAsked() {
        assertThat(Pivots.expand(List.of("John.Doe@Evil.Example"), false)).extracting(SearchedValue::value)
                .containsExactly("John.Doe@evil.example");
        assertThat(Pivots.expand(List.of("John.Doe@Evil.Example"), true)).extracting(SearchedValue::value,
                SearchedValue::pivotOf)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("John.Doe@evil.example", null),
                        org.assertj.core.groups.Tuple.tuple("evil.example", "John.Doe@evil.example"));
    }
}
