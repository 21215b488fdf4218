package org.alliancesearch.portal.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** URL refusals as the API reports them: field, code, message in the caller's language. */
@QuarkusTest
class MemberUrlApiTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ftp://misp.example.org | url.scheme | The URL must start with http:// or https://.",
            "https://admin:pw@misp.example.org | url.userinfo | The URL must not contain a user name or password; the API key authenticates.",
            "http://169.254.169.254 | url.metadata | Cloud metadata addresses are not allowed.",
            "http://[fd00:ec2::254] | url.metadata | Cloud metadata addresses are not allowed.",
            "http://metadata.google.internal | url.metadata | Cloud metadata addresses are not allowed.",
            "http://169.254.10.10 | url.link-local | Link-local addresses (169.254.0.0/16, fe80::/10) are not allowed.",
            "https://misp.example.org/?a=b | url.query | The URL must not contain a query or a fragment.",
            "not a url | url.invalid | Not a valid URL."})
    void refused(String url, String code, String message) {
        Map<String, Object> body = Members.body("Bad URL", "k");
        body.put("url", url);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://alliancesearch.org/problems/validation"))
                .body("title", equalTo("Invalid input"))
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].code", equalTo(code))
                .body("errors[0].message", equalTo(message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://misp.example.org | URL は http:// または https:// で始めてください。"})
    void messagesInJapanese(String url, String message) {
        Map<String, Object> body = Members.body("Bad URL", "k");
        body.put("url", url);
        given().auth().oauth2(Tokens.admin()).header("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5")
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members").then().statusCode(400)
                .body("title", equalTo("入力が正しくありません"))
                .body("errors[0].message", equalTo(message));
    }
}
