package org.alliancesearch.portal.member.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a member's MISP says of its own organisation is stored and logged without forged lines or reordering. */
class MemberSentTextTest {

    @Test
    void lineBreaksAndDirectionOverridesBecomeSpaces() {
        assertThat(MemberOrganisations.memberSentText("Org B\r\n2026-12-04 INFO forged line"))
                .isEqualTo("Org B  2026-12-04 INFO forged line").doesNotContain("\n", "\r");
        assertThat(MemberOrganisations.memberSentText("\u202eB gro\u202c")).isEqualTo("B gro");
    }

    @Test
    void longNamesAreCut() {
        assertThat(MemberOrganisations.memberSentText("x".repeat(500))).hasSize(200);
        assertThat(MemberOrganisations.memberSentText("  Org A  ")).isEqualTo("Org A");
    }
}
