package org.alliancesearch.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A member's failure is explained in the page's language. */
@QuarkusTest
class MemberMessagesPageTest {
    private PagesTest.Csrf csrf;

    @BeforeEach
    void setUp() {
        SearchMembers.ensure();
        csrf = PagesTest.csrf("/search");
    }

    @Test
    void aFailingMemberIsExplainedInJapanese() {
        String html = given().auth().oauth2(Tokens.token("kenji", "org-a", List.of("member")))
                .header("Accept-Language", "ja").cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", MispMembers.PARTLY_FAILING).formParam("action", "search").post("/search").then()
                .statusCode(200).extract().asString();
        // org-b answers HTTP 500 with MISP's own text, which stays as the member wrote it
        assertThat(html).contains("HTTP 500: An Internal Error Has Occurred.")
                .doesNotContain("HTTP 500 An Internal Error Has Occurred.");
    }
}
