package org.alliancesearch.model.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefangTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"192.0.2.1|192[.]0[.]2[.]1", "2001:db8::1|2001[:]db8[:][:]1",
            "192.0.2.0/24|192[.]0[.]2[.]0/24", "evil.example.com|evil[.]example[.]com",
            "bob.smith@evil.com|bob.smith[@]evil[.]com",
            "http://evil.com/a.php?x=1.2|hxxp://evil[.]com/a.php?x=1.2",
            "https://user@evil.com:8443/|hxxps://user@evil[.]com:8443/",
            "ftp://files.evil.com|fxp://files[.]evil[.]com",
            "http://[2001:db8::1]/x|hxxp://[2001:db8::1]/x", "evil.com/path.html|evil[.]com/path.html",
            "d41d8cd98f00b204e9800998ecf8427e|d41d8cd98f00b204e9800998ecf8427e", "CVE-2021-44228|CVE-2021-44228",
            "free text|free text", "1.2.3.999|1.2.3.999"})
    void defangsAndRefangsBack(String value, String defanged) {
        assertThat(Defang.defang(value)).isEqualTo(defanged);
        assertThat(Normaliser.refang(defanged)).isEqualTo(value);
    }
}
