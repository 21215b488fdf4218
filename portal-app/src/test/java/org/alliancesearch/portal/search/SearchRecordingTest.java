package org.alliancesearch.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import java.sql.SQLException;
import java.util.List;

import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The audit row and the history entry of a search, with PostgreSQL itself refusing one of them (a trigger that raises
 * for one test user): a history entry only for an audited search, and a search whose history entry is refused still
 * audited and answered; a failed trim of the history costs neither. The history is a convenience; the audit is not.
 */
@QuarkusTest
class SearchRecordingTest {
    @BeforeAll
    static void refuseRowsOfTwoUsers() throws SQLException {
        Db.update("create or replace function refused_for_test() returns trigger language plpgsql as"
                + " $$ begin raise exception 'refused for the test'; end $$");
        Db.update("create trigger history_refused before insert on search_history for each row"
                + " when (new.owner_sub = 'id-hedda') execute function refused_for_test()");
        Db.update("create trigger audit_refused before insert on search_audit for each row"
                + " when (new.username = 'aldo') execute function refused_for_test()");
        // the database out of reach (a connection failure, class 08), counting how often it is asked; not 57P01,
        // which the client takes for the server closing the connection, and the trigger's connection stays open
        Db.update("create sequence if not exists audit_attempts_for_test");
        Db.update("create or replace function shutting_down_for_test() returns trigger language plpgsql as"
                + " $$ begin perform nextval('audit_attempts_for_test');"
                + " raise exception 'connection failure' using errcode = '08006'; end $$");
        Db.update("create trigger audit_shutting_down before insert on search_audit for each row"
                + " when (new.username = 'dana') execute function shutting_down_for_test()");
    }

    @AfterAll
    static void dropTriggers() throws SQLException {
        Db.update("drop trigger if exists history_refused on search_history");
        Db.update("drop trigger if exists audit_refused on search_audit");
        Db.update("drop function if exists refused_for_test()");
        Db.update("drop trigger if exists audit_shutting_down on search_audit");
        Db.update("drop function if exists shutting_down_for_test()");
        Db.update("drop sequence if exists audit_attempts_for_test");
    }

    @BeforeEach
    void members() {
        SearchMembers.ensure();
    }

    @Test
    void aSearchWhoseHistoryEntryIsRefusedIsStillAuditedAndAnswered() throws SQLException {
        String body = search("hedda").then().statusCode(200).extract().asString();
        assertThat(body).contains(MispMembers.OVERLAP);
        assertThat(Db.rows("select id from search_audit where username = 'hedda'")).hasSize(1);
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-hedda'")).isEmpty();
        // and the next search of the same person is recorded the same way, not left in a broken session
        search("hedda").then().statusCode(200);
        assertThat(Db.rows("select id from search_audit where username = 'hedda'")).hasSize(2);
    }

    @Test
    void aSearchWhoseAuditRowIsRefusedLeavesNoHistoryEntry() throws SQLException {
        search("aldo").then().statusCode(503).contentType("application/problem+json")
                .body("type", endsWith("/audit-unavailable"));
        assertThat(Db.rows("select id from search_audit where username = 'aldo'")).isEmpty();
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-aldo'")).isEmpty();
    }

    @Test
    void aDatabaseThatIsAwayIsNotAskedAgainForTheAuditRowAlone() throws SQLException {
        // the audit row alone is for a history entry refused; a database going away refuses it too, and a second
        // attempt would only double the wait before the 503 while the database is unreachable
        search("dana").then().statusCode(503).contentType("application/problem+json")
                .body("type", endsWith("/audit-unavailable"));
        // last_value reads 1 before the first nextval too; is_called tells the two apart
        assertThat(Db.rows("select case when is_called then last_value else 0 end as attempts"
                + " from audit_attempts_for_test")).singleElement()
                .satisfies(row -> assertThat(row.get("attempts")).isEqualTo("1"));
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-dana'")).isEmpty();
    }

    @Test
    void aSearchWhoseHistoryTrimFailsKeepsItsEntryAndIsAnswered() throws SQLException {
        // a person's first search on this replica trims their history past the cap; here PostgreSQL refuses the trim
        Db.update("create trigger history_trim_refused before delete on search_history for each statement"
                + " execute function refused_for_test()");
        try {
            search("tilda").then().statusCode(200);
        } finally {
            Db.update("drop trigger if exists history_trim_refused on search_history");
        }
        assertThat(Db.rows("select id from search_audit where username = 'tilda'")).hasSize(1);
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-tilda'")).hasSize(1);
    }

    @Test
    void anOrdinarySearchHasBothRows() throws SQLException {
        search("hanno").then().statusCode(200);
        assertThat(Db.rows("select id from search_audit where username = 'hanno'")).hasSize(1);
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-hanno'")).hasSize(1);
    }

    private static io.restassured.response.Response search(String user) {
        return given().auth().oauth2(Tokens.token(user, "org-a", List.of("member"))).contentType(ContentType.JSON)
                .body("{\"values\":[\"" + MispMembers.OVERLAP + "\"]}").post("/api/v1/search");
    }
}
