package org.alliancesearch.connector.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {
    private static final MemberAnswer ANSWER = new MemberAnswer(MemberStatus.OK, null, List.of(), 0, 5);

    private static AnswerKey key(String... values) {
        return new AnswerKey(null, QueryKey.of(SearchQuery.ofValues(List.of(values)), AlliancePolicy.defaults()));
    }

    @Test
    void offByDefaultKeepsNothing() {
        AnswerCache cache = new AnswerCache(false, 60_000_000_000L, 10);
        cache.put(key("a"), ANSWER);
        assertThat(cache.get(key("a"))).isEmpty();
    }

    @Test
    void keepsAnswersForTheSameNormalisedQueryUntilTheyExpire() throws InterruptedException {
        AnswerCache cache = new AnswerCache(true, 200_000_000L, 10);
        cache.put(key("b", "a"), ANSWER);
        assertThat(cache.get(key(" a", "b", "a"))).contains(ANSWER);
        assertThat(cache.get(key("a"))).isEmpty();
        Thread.sleep(300);
        assertThat(cache.get(key("a", "b"))).isEmpty();
    }

    @Test
    void isBoundedDroppingTheLeastRecentlyUsed() {
        AnswerCache cache = new AnswerCache(true, 60_000_000_000L, 2);
        cache.put(key("1"), ANSWER);
        cache.put(key("2"), ANSWER);
        cache.get(key("1"));
        cache.put(key("3"), ANSWER);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(key("2"))).isEmpty();
        assertThat(cache.get(key("1"))).isPresent();
    }
}
