package org.alliancesearch.portal.warninglist.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.alliancesearch.model.warninglist.Warninglist;
import org.alliancesearch.model.warninglist.WarninglistReader;
import org.alliancesearch.portal.warninglist.persistence.WarninglistSetting;
import org.junit.jupiter.api.Test;

class ActiveWarninglistsTest {
    static String file(long version, String entry) {
        return "{\"name\":\"Benign hosts\",\"description\":\"d\",\"version\":" + version
                + ",\"type\":\"hostname\",\"category\":\"known\",\"matching_attributes\":[\"domain\"],\"list\":[\""
                + entry + "\"]}";
    }

    static Warninglist bundled(long version, String entry) throws Exception {
        return WarninglistReader.read(file(version, entry).getBytes(StandardCharsets.UTF_8));
    }

    static WarninglistSetting upload(long version, String entry, boolean enabled) {
        WarninglistSetting row = new WarninglistSetting();
        row.name = "Benign hosts";
        row.enabled = enabled;
        row.uploadedJson = file(version, entry);
        row.uploadedVersion = version;
        return row;
    }

    @Test
    void aNewerUploadReplacesTheBundledList() throws Exception {
        var active = ActiveWarninglists.effective(List.of(bundled(5, "old.example")),
                List.of(upload(7, "new.example", true))).get(0);
        assertThat(active.uploaded()).isTrue();
        assertThat(active.list().version()).isEqualTo(7);
        assertThat(active.bundledVersion()).isEqualTo(5);
    }

    /** The portal was upgraded with a newer list than the one an admin uploaded: the newer one applies. */
    @Test
    void aNewerBundledReleaseSupersedesAnOlderUploadButKeepsTheSwitch() throws Exception {
        var active = ActiveWarninglists.effective(List.of(bundled(9, "release.example")),
                List.of(upload(7, "upload.example", false))).get(0);
        assertThat(active.uploaded()).isFalse();
        assertThat(active.list().version()).isEqualTo(9);
        assertThat(active.enabled()).as("an admin's switch still applies").isFalse();
    }
}
