package org.alliancesearch.model.export;

import static org.alliancesearch.model.merge.Hits.attr;
import static org.alliancesearch.model.merge.Hits.event;
import static org.alliancesearch.model.merge.Hits.hit;
import static org.alliancesearch.model.merge.Hits.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.merge.OrganisationClaims;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Exports name an unconfirmed creator claim as such, never among the organisations. */
class UnconfirmedClaimsExportTest {
    private static final MemberRef A = member("a", "Org A");
    private static final MemberRef H = member("h", "Hostile Org");
    private static final String E1 = "5f1e0000-0000-4000-8000-000000000001";

    private static MergedResult result() {
        List<MemberHit> hits = List.of(hit(H, attr("u1", "domain", "evil.example").event(event(E1, "Org A"))));
        return new IndicatorMerger().merge(hits, AlliancePolicy.defaults(), (SearchQuery) null,
                OrganisationClaims.check(List.of(A, H), hits));
    }

    @Test
    void jsonListsTheClaimApart() throws IOException {
        JsonNode i = new ObjectMapper().readTree(new JsonExport().toBytes(result())).get("indicators").get(0);
        assertThat(i.get("organisations")).isEmpty();
        assertThat(i.get("unconfirmedOrganisations").get(0).asText()).isEqualTo("Org A");
        assertThat(i.get("events").get(0).get("organisation").isNull()).isTrue();
        assertThat(i.get("events").get(0).get("unconfirmedOrganisation").asText()).isEqualTo("Org A");
    }

    @Test
    void csvHasAColumnOfItsOwn() throws IOException {
        List<List<String>> rows = Rfc4180Reader
                .read(new String(new CsvExport(new CsvExport.Options(false, false)).toBytes(result()),
                        StandardCharsets.UTF_8));
        List<String> row = rows.get(1);
        assertThat(row.get(CsvExport.HEADER.indexOf("organisations"))).isEmpty();
        assertThat(row.get(CsvExport.HEADER.indexOf("organisation_count"))).isEqualTo("0");
        assertThat(row.get(CsvExport.HEADER.indexOf("unconfirmed_organisations"))).isEqualTo("Org A");
    }

    @Test
    void stixDoesNotCountTheClaim() throws IOException {
        String stix = new String(new StixExport().toBytes(result()), StandardCharsets.UTF_8);
        assertThat(stix).contains("Seen by 0 organisations ()").contains("claimed for, unconfirmed: Org A");
    }
}
