package org.alliancesearch.portal.digest.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.alliancesearch.portal.digest.DigestSmtp;
import org.alliancesearch.portal.digest.DigestUsers;
import org.alliancesearch.portal.testsupport.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;

/**
 * The weekly job itself: it builds the week's digest, opens the week and mails it to the subscribers; run again (a
 * retry, a second replica) it rebuilds the week and mails nobody twice.
 */
@QuarkusTest
@TestProfile(DigestSmtp.RealSmtp.class)
class WeeklyDigestMailTest {
    @OidcWireMock
    WireMockServer keycloak;
    @Inject
    WeeklyDigestJob job;

    @AfterEach
    void nobodyLeftSubscribed() throws Exception {
        Db.update("update digest_subscription set subscribed = false");
    }

    @Test
    void theJobMailsTheWeekItBuiltOnceHoweverOftenItRuns() throws Exception {
        Db.update("update digest_subscription set subscribed = false");
        DigestSmtp.server().purgeEmailFromAllMailboxes();
        DigestUsers.serviceAccount(keycloak);
        given().auth().oauth2(DigestUsers.token("wdm-job", "org-a", "wdm-job@org-a.example", List.of("member")))
                .contentType(ContentType.JSON).body(Map.of("subscribed", true))
                .put("/api/v1/me/digest-subscription").then().statusCode(200);
        DigestUsers.user(keycloak, "wdm-job", true, "org-a", "wdm-job@org-a.example", "member");

        job.run().await().atMost(Duration.ofSeconds(90));
        job.run().await().atMost(Duration.ofSeconds(90));

        LocalDate week = DigestService.weekOf(Instant.now());
        assertThat(Db.rows("select week_start from digest_mailing where week_start = ?", week)).hasSize(1);
        assertThat(DigestSmtp.server().waitForIncomingEmail(10_000, 1)).isTrue();
        Thread.sleep(500);
        assertThat(Arrays.stream(DigestSmtp.server().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains("week of " + week);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).hasSize(1);
        assertThat(Db.rows("select status, attempts from digest_mail where subject = ? and week_start = ?",
                "id-wdm-job", week)).containsExactly(Map.of("status", "SENT", "attempts", "1"));
    }
}
