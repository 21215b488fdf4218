package org.alliancesearch.model.export;

import static org.alliancesearch.model.merge.Hits.attr;
import static org.alliancesearch.model.merge.Hits.event;
import static org.alliancesearch.model.merge.Hits.hit;
import static org.alliancesearch.model.merge.Hits.member;

import java.time.LocalDate;
import java.util.List;

import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.result.MemberRef;

/** A merged result with every kind of value the exports must handle, including hostile ones. */
final class ExportFixtures {
    static final MemberRef A = member("a", "Org A");
    static final MemberRef JP = member("jp", "日本 CSIRT");
    static final String E1 = "5a3c2fcd-8328-42bb-a95e-4f4402de0b81";
    static final String E2 = "9b0b7a52-4d4e-4c1e-9a55-3f6f1d1f0001";
    static final String TRICKY_URL = "http://x.example/a'b\\c?q=1,2&r=\"3\"";
    static final String FORMULA = "=cmd|' /C calc'!A0";

    private ExportFixtures() {
    }

    static MergedResult result() {
        MispEvent e1 = event(E1, "CIRCL", LocalDate.of(2024, 3, 1), "tlp:green", "osint:source-type=\"blog-post\"");
        MispEvent e2 = event(E2, null, LocalDate.of(2024, 4, 1), "TLP:AMBER");
        return new IndicatorMerger().merge(List.of(
                hit(A, attr("u1", "domain", "evil.example").event(e1).timestamp("2024-03-01T10:00:00Z")),
                hit(JP, attr("u2", "hostname", "EVIL.example.").event(e2).timestamp("2024-04-01T09:30:00Z")),
                hit(A, attr("u3", "url", TRICKY_URL).event(e1)), hit(A, attr("u4", "ip-dst", "1.2.3.4").event(e1)),
                hit(JP, attr("u5", "ip-src", "10.0.0.0/8").event(e2)),
                hit(JP, attr("u6", "ip-dst", "2001:db8::1").event(e2)),
                hit(A, attr("u7", "email-src", "bad'guy@example.com").event(e1)),
                hit(A, attr("u8", "sha256", "AEC070645FE53EE3B3763059376134F058CC337247C978ADD178B6CCDFB0019F")
                        .event(e1)),
                hit(A, attr("u9", "md5", "cead3f77f6cda6ec00f57d76c9a6879f").event(e1)),
                hit(A, attr("u10", "sha1", "68064fc152e23d56e541714af52651cb4ba81aaf").event(e1)),
                hit(A, attr("u11", "filename", FORMULA).event(e1)),
                hit(A, attr("u12", "filename", "-x.exe").event(e1)),
                hit(A, attr("u13", "text", "multi\nline, \"quoted\"").event(e1)),
                hit(A, attr("u14", "AS", "AS64496").event(e1))), AlliancePolicy.defaults());
    }
}
