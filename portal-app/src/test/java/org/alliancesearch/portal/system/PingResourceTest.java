package org.alliancesearch.portal.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PingResourceTest {
    @Test
    void pings() {
        given().get("/ping").then().statusCode(200).body(is("pong"));
    }
}
