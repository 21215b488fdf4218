package org.alliancesearch.model.mispapi;

import static org.alliancesearch.model.mispapi.EventJson.attribute;
import static org.alliancesearch.model.mispapi.EventJson.event;
import static org.alliancesearch.model.mispapi.EventJson.object;
import static org.alliancesearch.model.mispapi.EventJson.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispOrganisation;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class EventMergerTest {
    static final MemberRef A = new MemberRef("a", "Member A", "Org A", null, "aaaaaaaa-0000-4000-8000-000000000000",
            "Org A");
    static final MemberRef B = new MemberRef("b", "Member B", "Org B", null);
    static final MemberRef C = new MemberRef("c", "Member C", "Org C", null);
    static final List<MemberRef> ALLIANCE = List.of(A, B, C);
    static final String E1 = "11111111-1111-4111-8111-111111111111";
    static final String E2 = "22222222-2222-4222-8222-222222222222";

    final EventMerger merger = new EventMerger();

    static EventMerger.Rules rules(String... values) {
        return new EventMerger.Rules(AlliancePolicy.defaults(), Map.of(), SearchQuery.ofValues(List.of(values)), null,
                ALLIANCE);
    }

    @Test
    void synchronisedCopiesAreOneEventWhoseAttributesListEveryHolder() {
        ObjectNode a = event(E1, "CIRCL", "2024-01-02", "tlp:green");
        attribute(a, "a1", "ip-dst", "198.51.100.1");
        attribute(a, "a2", "domain", "evil.example");
        ObjectNode b = a.deepCopy();
        // Member B's copy: one more attribute, and a2 with another value under the same uuid (never overwrites).
        attribute(b, "a3", "md5", "d41d8cd98f00b204e9800998ecf8427e");
        ((ObjectNode) b.get("Attribute").get(1)).put("value", "other.example");

        MergedEvents r = merger.merge(List.of(new MemberEvents(A, read(a)), new MemberEvents(B, read(b))),
                rules("198.51.100.1"));

        assertThat(r.events()).hasSize(1);
        MergedEvents.Event e = r.events().get(0);
        assertThat(e.holders()).containsExactly(A, B);
        assertThat(e.attributes()).extracting(x -> x.attribute().uuid() + "=" + x.attribute().value())
                .containsExactly("a1=198.51.100.1", "a2=evil.example", "a2=other.example",
                        "a3=d41d8cd98f00b204e9800998ecf8427e");
        assertThat(e.attributes().get(0).holders()).containsExactly(A, B);
        assertThat(e.attributes().get(1).holders()).containsExactly(A);
        assertThat(e.attributes().get(2).holders()).containsExactly(B);
        assertThat(e.orgc().name()).isEqualTo("CIRCL");
        assertThat(e.claimReplaced()).isFalse();
        assertThat(r.tallies()).extracting(t -> t.member().id() + ":" + t.events() + "/" + t.attributes())
                .containsExactly("a:1/2", "b:1/3", "c:0/0");
    }

    @Test
    void anEventWhoseOwnTagsFailThePolicyIsDroppedWhole() {
        ObjectNode red = event(E1, "CIRCL", "2024-01-02", "TLP:RED");
        attribute(red, "a1", "ip-dst", "198.51.100.1");
        ObjectNode amberStrict = event(E2, "CIRCL", "2024-01-02", "tlp:amber+strict");
        attribute(amberStrict, "a2", "ip-dst", "198.51.100.1");

        MergedEvents r = merger.merge(List.of(new MemberEvents(A, read(red, amberStrict))), rules("198.51.100.1"));

        assertThat(r.events()).isEmpty();
        assertThat(r.tallies()).allMatch(t -> t.events() == 0 && t.attributes() == 0);
    }

    @Test
    void attributesAndObjectAttributesThatFailThePolicyAreRemovedAndEmptyObjectsLeftOut() {
        ObjectNode e = event(E1, "CIRCL", "2024-01-02", "tlp:green");
        attribute(e, "a1", "ip-dst", "198.51.100.1");
        attribute(e, "a2", "ip-dst", "198.51.100.2", "tlp:red");
        attribute(e, "a3", "ip-dst", "198.51.100.3", "PAP:RED");
        ObjectNode kept = object(e, "o1", "file");
        attribute((com.fasterxml.jackson.databind.node.ArrayNode) kept.get("Attribute"), "o1a", "filename", "ok.doc");
        attribute((com.fasterxml.jackson.databind.node.ArrayNode) kept.get("Attribute"), "o1b", "md5", "abc",
                "tlp:amber+strict");
        ObjectNode gone = object(e, "o2", "file");
        attribute((com.fasterxml.jackson.databind.node.ArrayNode) gone.get("Attribute"), "o2a", "filename",
                "secret.doc", "tlp:red");

        MergedEvents r = merger.merge(List.of(new MemberEvents(A, read(e))), rules("198.51.100.1"));

        MergedEvents.Event m = r.events().get(0);
        assertThat(m.attributes()).extracting(x -> x.attribute().uuid()).containsExactly("a1");
        assertThat(m.objects()).hasSize(1);
        assertThat(m.objects().get(0).attributes()).extracting(x -> x.attribute().uuid()).containsExactly("o1a");
        assertThat(m.attributeCount()).isEqualTo(2);
        assertThat(r.tallies().get(0).attributes()).isEqualTo(2);
    }

    @Test
    void aMembersStricterPolicyAppliesToItsOwnCopiesOnly() {
        ObjectNode e = event(E1, "CIRCL", "2024-01-02", "tlp:amber");
        attribute(e, "a1", "ip-dst", "198.51.100.1");
        EventMerger.Rules rules = new EventMerger.Rules(AlliancePolicy.defaults(),
                Map.of("b", AlliancePolicy.of(Tlp.GREEN)), SearchQuery.ofValues(List.of("198.51.100.1")), null,
                ALLIANCE);

        MergedEvents r = merger.merge(List.of(new MemberEvents(A, read(e)), new MemberEvents(B, read(e.deepCopy()))),
                rules);

        assertThat(r.events()).hasSize(1);
        assertThat(r.events().get(0).holders()).containsExactly(A);
        assertThat(r.events().get(0).attributes().get(0).holders()).containsExactly(A);
        assertThat(r.tallies()).extracting(t -> t.member().id() + ":" + t.events()).containsExactly("a:1", "b:0",
                "c:0");
    }

    @Test
    void eventsWithoutAKeptAttributeAnsweringTheSearchAreNotAnswered() {
        ObjectNode noMatch = event(E1, "CIRCL", "2024-01-02");
        attribute(noMatch, "a1", "ip-dst", "203.0.113.9");
        ObjectNode matchHidden = event(E2, "CIRCL", "2024-01-02");
        attribute(matchHidden, "a2", "ip-dst", "198.51.100.1", "tlp:red");
        attribute(matchHidden, "a3", "ip-dst", "203.0.113.9");

        MergedEvents r = merger.merge(List.of(new MemberEvents(A, read(noMatch, matchHidden))),
                rules("198.51.100.1"));

        assertThat(r.events()).isEmpty();
    }

    @Test
    void theAttributeFilterDecidesWhichAttributesAnswer() {
        ObjectNode e = event(E1, "CIRCL", "2024-01-02");
        attribute(e, "a1", "ip-dst", "198.51.100.1").put("to_ids", false);
        attribute(e, "a2", "domain", "other.example");
        List<MemberEvents> answers = List.of(new MemberEvents(A, read(e)));
        SearchQuery q = SearchQuery.ofValues(List.of("198.51.100.1"));

        MergedEvents onlyIds = merger.merge(answers, new EventMerger.Rules(null, null, q, MispAttribute::toIds,
                ALLIANCE));
        MergedEvents any = merger.merge(answers, new EventMerger.Rules(null, null, q, a -> true, ALLIANCE));

        assertThat(onlyIds.events()).isEmpty();
        // MISP answers with whole events: the other attribute is shown too.
        assertThat(any.events().get(0).attributes()).hasSize(2);
    }

    @Test
    void aMemberCannotSpeakForAnotherMembersOrganisation() {
        // Member B claims an event created by Org A that member A did not return.
        ObjectNode forged = event(E1, "Org A", "2024-01-02");
        attribute(forged, "a1", "ip-dst", "198.51.100.1");
        // Member C's event names an organisation outside the alliance: its claim stands.
        ObjectNode outside = event(E2, "CIRCL", "2024-01-01");
        attribute(outside, "a2", "ip-dst", "198.51.100.1");

        MergedEvents r = merger.merge(List.of(new MemberEvents(B, read(forged)), new MemberEvents(C, read(outside))),
                rules("198.51.100.1"));

        MergedEvents.Event f = r.events().get(0);
        assertThat(f.header().uuid()).isEqualTo(E1);
        assertThat(f.claimReplaced()).isTrue();
        assertThat(f.orgc()).isEqualTo(new MispOrganisation("Org B", null));
        MergedEvents.Event o = r.events().get(1);
        assertThat(o.claimReplaced()).isFalse();
        assertThat(o.orgc().name()).isEqualTo("CIRCL");
    }

    @Test
    void theCreatorsOwnCopySpeaksForTheEventOverANewerDoctoredCopy() {
        // Org B's own event; member A (first by id) returns a copy with a newer timestamp, another info and a doctored
        // attribute under the same uuid and value. B confirms the claim, so both claims stand.
        ObjectNode own = event(E1, "Org B", "2024-01-02", "tlp:green");
        attribute(own, "a1", "ip-dst", "198.51.100.1").put("comment", "seen on the perimeter").put("to_ids", true);
        ObjectNode doctored = own.deepCopy();
        doctored.put("info", "Doctored").put("timestamp", "1900000000").put("threat_level_id", "1");
        ((ObjectNode) doctored.get("Attribute").get(0)).put("comment", "doctored").put("to_ids", false);

        MergedEvents r = merger.merge(List.of(new MemberEvents(A, read(doctored)), new MemberEvents(B, read(own))),
                rules("198.51.100.1"));

        MergedEvents.Event e = r.events().get(0);
        assertThat(e.header().info()).isEqualTo("event " + E1);
        assertThat(e.holders()).containsExactly(A, B);
        assertThat(e.attributes()).hasSize(1);
        assertThat(e.attributes().get(0).attribute().comment()).isEqualTo("seen on the perimeter");
        assertThat(e.attributes().get(0).attribute().toIds()).isTrue();
        assertThat(e.attributes().get(0).holders()).containsExactly(A, B);
    }

    @Test
    void aClaimConfirmedByTheNamedMemberStands() {
        ObjectNode original = event(E1, "Org A", "2024-01-02");
        attribute(original, "a1", "ip-dst", "198.51.100.1");

        MergedEvents r = merger.merge(List.of(new MemberEvents(B, read(original.deepCopy())),
                new MemberEvents(A, read(original))), rules("198.51.100.1"));

        MergedEvents.Event e = r.events().get(0);
        assertThat(e.claimReplaced()).isFalse();
        assertThat(e.orgc().name()).isEqualTo("Org A");
        assertThat(e.holders()).containsExactly(A, B);
    }

    @Test
    void ordersByDateNewestFirstThenUuidAndPagesMispsWay() {
        ObjectNode old = event(E1, "CIRCL", "2020-01-01");
        attribute(old, "a1", "ip-dst", "198.51.100.1");
        ObjectNode recent = event(E2, "CIRCL", "2024-01-01");
        attribute(recent, "a2", "ip-dst", "198.51.100.1");
        ObjectNode sameDay = event("00000000-0000-4000-8000-000000000001", "CIRCL", "2024-01-01");
        attribute(sameDay, "a3", "ip-dst", "198.51.100.1");

        MergedEvents r = merger.merge(List.of(new MemberEvents(A, read(old, recent, sameDay))),
                rules("198.51.100.1"));

        assertThat(r.events()).extracting(e -> e.header().uuid())
                .containsExactly("00000000-0000-4000-8000-000000000001", E2, E1);
        assertThat(r.page(2, 1)).hasSize(2);
        assertThat(r.page(2, 2)).extracting(e -> e.header().uuid()).containsExactly(E1);
        assertThat(r.page(2, 3)).isEmpty();
        assertThat(r.page(0, 1)).hasSize(3);
    }

    /** The speaking copy's tags are shown, as in the other merges: another copy's tags never relabel the event. */
    @Test
    void theSpeakingCopysTagsAreShown() {
        ObjectNode a = event(E1, "CIRCL", "2024-01-02", "tlp:green", "osint:a");
        attribute(a, "a1", "ip-dst", "198.51.100.1", "Phishing");
        ObjectNode b = event(E1, "CIRCL", "2024-01-02", "TLP:GREEN", "other");
        attribute(b, "a1", "ip-dst", "198.51.100.1", "phishing", "extra");

        MergedEvents.Event e = merger.merge(List.of(new MemberEvents(B, read(b)), new MemberEvents(A, read(a))),
                rules("198.51.100.1")).events().get(0);

        assertThat(e.tags()).extracting(MispTag::name).containsExactly("tlp:green", "osint:a");
        assertThat(e.attributes().get(0).attribute().tags()).extracting(MispTag::name).containsExactly("Phishing");
        assertThat(e.attributes().get(0).holders()).containsExactly(A, B);
    }

    /**
     * Member A created a TLP:RED event; hostile member B returns its copy without the red tag. Any copy hidden by the
     * policy hides the event: B's copy does not show it.
     */
    @Test
    void aCopyWithoutTheRedTagDoesNotShowAnotherMembersRedEvent() {
        ObjectNode red = event(E1, "Org A", "2024-01-02", "tlp:red");
        attribute(red, "a1", "ip-dst", "198.51.100.1");
        ObjectNode stripped = event(E1, "Org A", "2024-01-02", "tlp:green");
        attribute(stripped, "a1", "ip-dst", "198.51.100.1");

        MergedEvents r = merger.merge(List.of(new MemberEvents(A, read(red)), new MemberEvents(B, read(stripped))),
                rules("198.51.100.1"));

        assertThat(r.events()).isEmpty();
        assertThat(r.tallies()).allMatch(t -> t.events() == 0 && t.attributes() == 0);
    }

    /** The same for one attribute: a copy of it that the policy hides hides it, and the event shows the others. */
    @Test
    void aCopyWithoutTheRedTagDoesNotShowAnotherMembersRedAttribute() {
        ObjectNode own = event(E1, "Org A", "2024-01-02", "tlp:green");
        attribute(own, "a1", "ip-dst", "198.51.100.1");
        attribute(own, "a2", "domain", "secret.example", "tlp:red");
        ObjectNode stripped = event(E1, "Org A", "2024-01-02", "tlp:green");
        attribute(stripped, "a1", "ip-dst", "198.51.100.1");
        attribute(stripped, "a2", "domain", "secret.example");

        MergedEvents r = merger.merge(List.of(new MemberEvents(B, read(stripped)), new MemberEvents(A, read(own))),
                rules("198.51.100.1"));

        assertThat(r.events()).singleElement().satisfies(e -> assertThat(e.attributes())
                .extracting(x -> x.attribute().uuid()).containsExactly("a1"));
    }

    /** A copy some member marks deleted hides the attribute, as in the other merges. */
    @Test
    void anAttributeAnyMemberDeletedIsNotShown() {
        ObjectNode own = event(E1, "CIRCL", "2024-01-02");
        attribute(own, "a1", "ip-dst", "198.51.100.1");
        attribute(own, "a2", "domain", "gone.example");
        ObjectNode other = own.deepCopy();
        ((ObjectNode) other.get("Attribute").get(1)).put("deleted", true);

        MergedEvents r = merger.merge(List.of(new MemberEvents(A, read(own)), new MemberEvents(B, read(other))),
                rules("198.51.100.1"));

        assertThat(r.events().get(0).attributes()).extracting(x -> x.attribute().uuid()).containsExactly("a1");
    }
}
