package org.alliancesearch.model.warninglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.alliancesearch.model.warninglist.InvalidWarninglistException.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarninglistReaderTest {
    private static Warninglist read(String json) throws InvalidWarninglistException {
        return WarninglistReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {"not json at all|NOT_JSON", "[1, 2]|NOT_AN_OBJECT",
            "{\"description\": \"d\", \"list\": [\"a\"]}|NAME_MISSING",
            "{\"name\": \"n\", \"list\": [\"a\"]}|DESCRIPTION_MISSING",
            "{\"name\": \"n\", \"description\": \"d\", \"type\": \"glob\", \"list\": [\"a\"]}|TYPE_UNKNOWN",
            "{\"name\": \"n\", \"description\": \"d\", \"version\": \"v2\", \"list\": [\"a\"]}|VERSION_INVALID",
            "{\"name\": \"n\", \"description\": \"d\", \"category\": \"maybe\", \"list\": [\"a\"]}|CATEGORY_UNKNOWN",
            "{\"name\": \"n\", \"description\": \"d\", \"matching_attributes\": \"ip-src\", \"list\": [\"a\"]}"
                    + "|MATCHING_ATTRIBUTES_INVALID",
            "{\"name\": \"n\", \"description\": \"d\"}|ENTRIES_MISSING",
            "{\"name\": \"n\", \"description\": \"d\", \"list\": [\"\"]}|ENTRIES_MISSING",
            "{\"name\": \"n\", \"description\": \"d\", \"list\": [1]}|ENTRY_INVALID",
            "{\"name\": \"n\", \"description\": \"d\", \"type\": \"cidr\", \"list\": [\"10.0.0.0/33\"]}|CIDR_INVALID",
            "{\"name\": \"n\", \"description\": \"d\", \"type\": \"cidr\", \"list\": [\"300.1.1.1\"]}|CIDR_INVALID",
            "{\"name\": \"n\", \"description\": \"d\", \"type\": \"cidr\", \"list\": [\"evil.example\"]}|CIDR_INVALID",
            "{\"name\": \"n\", \"description\": \"d\", \"type\": \"regex\", \"list\": [\"/(unclosed/\"]}|REGEX_INVALID",
            "{\"name\": \"n\", \"description\": \"d\", \"type\": \"regex\", \"list\": [\"no delimiters\"]}"
                    + "|REGEX_INVALID",
            "{\"name\": \"n\", \"description\": \"d\", \"type\": \"regex\", \"list\": [\"/x/U\"]}|REGEX_INVALID"})
    void refusesWhatMispRefusesWithAStableCode(String json, Code code) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(InvalidWarninglistException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void appliesMispsDefaults() throws Exception {
        Warninglist list = read("{\"name\": \" Ours \", \"description\": \"d\", \"list\": [\"a\", \"\", \"b\"]}");
        assertThat(list.name()).isEqualTo("Ours");
        assertThat(list.version()).isEqualTo(1);
        assertThat(list.type()).isEqualTo(WarninglistType.STRING);
        assertThat(list.category()).isEqualTo(Warninglist.CATEGORY_FALSE_POSITIVE);
        assertThat(list.matchingAttributes()).isEmpty();
        assertThat(list.entries()).containsExactly("a", "b");
    }

    @Test
    void readsTheOtherShapesMispAccepts() throws Exception {
        Warninglist list = read("{\"name\": \"n\", \"description\": \"d\", \"version\": \"20260811\","
                + " \"type\": [\"hostname\", \"string\"], \"category\": \"known\","
                + " \"list\": [{\"value\": \"a.example\", \"comment\": \"c\"}, \"b.example\"]}");
        assertThat(list.version()).isEqualTo(20260811L);
        assertThat(list.type()).isEqualTo(WarninglistType.HOSTNAME);
        assertThat(list.category()).isEqualTo(Warninglist.CATEGORY_KNOWN);
        assertThat(list.entries()).containsExactly("a.example", "b.example");
    }
}
