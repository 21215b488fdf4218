package org.alliancesearch.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Searched values never travel in a GET URL (browser history, proxy and server logs, Referer): no rendered link,
 * GET form or redirect carries one, and the old GET forms no longer take one.
 */
@QuarkusTest
class SearchValuesInUrlsTest {
    private static final Pattern HREF = Pattern.compile("(?:href|src|action|formaction|data-stream)=\"([^\"]*)\"");
    private static final Pattern GET_FORM = Pattern.compile("<form\\b[^>]*method=\"get\"[^>]*>",
            Pattern.CASE_INSENSITIVE);

    @BeforeEach
    void members() {
        SearchMembers.ensure();
    }

    /** Every URL of the page (links, form targets), decoded. */
    static List<String> urls(String html) {
        List<String> urls = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String url = m.group(1).replace("&amp;", "&");
            urls.add(URLDecoder.decode(url, StandardCharsets.UTF_8));
        }
        return urls;
    }

    @Test
    void theResultsPageLinksNoSearchedValue() {
        String alice = Tokens.token("urla", "org-a", List.of("member"));
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        String html = given().auth().oauth2(alice).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", MispMembers.OVERLAP).post("/search").then().statusCode(200).extract()
                .asString();
        assertThat(html).contains("id=\"result-table\"");
        assertThat(urls(html)).isNotEmpty().noneMatch(u -> u.contains(MispMembers.OVERLAP));
        // what the page sends on (export, save) goes in POST forms that carry the CSRF token
        assertThat(GET_FORM.matcher(html).find()).isFalse();
        assertThat(html).contains("formaction=\"/saved/new\"");
    }

    @Test
    void theNewSavedSearchFormTakesValuesByPostOnly() {
        String alice = Tokens.token("urlb", "org-a", List.of("member"));
        // the old link form: values in the query are not taken any more
        String old = given().auth().oauth2(alice).queryParam("values", "192.0.2.199").get("/saved/new").then()
                .statusCode(200).extract().asString();
        assertThat(old).doesNotContain("192.0.2.199");
        // the form is filled from a POST with the CSRF token
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        String filled = given().auth().oauth2(alice).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", "192.0.2.199").post("/saved/new").then().statusCode(200).extract().asString();
        assertThat(filled).contains("192.0.2.199");
        assertThat(urls(filled)).noneMatch(u -> u.contains("192.0.2.199"));
        // and not without it
        given().auth().oauth2(alice).cookies(csrf.cookies()).formParam("values", "192.0.2.199").post("/saved/new")
                .then().statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(400))
                        .or(org.hamcrest.Matchers.is(403)));
    }

    @Test
    void theAuditPageFiltersByValueByPostOnly() {
        String value = "192.0.2.201";
        // a GET carrying a value is refused, and the value is not echoed
        String refused = given().auth().oauth2(Tokens.admin()).queryParam("value", value).get("/admin/search-audit")
                .then()
                .statusCode(400).extract().asString();
        assertThat(refused).doesNotContain(value);
        // the filter form posts, with the CSRF token
        String page = given().auth().oauth2(Tokens.admin()).get("/admin/search-audit").then().statusCode(200).extract()
                .asString();
        assertThat(GET_FORM.matcher(page).find()).isFalse();
        PagesTest.Csrf csrf = PagesTest.csrf("/admin/search-audit");
        String found = given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies())
                .formParam("csrf-token", csrf.token()).formParam("value", value).post("/admin/search-audit").then()
                .statusCode(200).extract().asString();
        assertThat(urls(found)).noneMatch(u -> u.contains(value));
        assertThat(GET_FORM.matcher(found).find()).isFalse();
    }
}
