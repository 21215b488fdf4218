package org.alliancesearch.portal.watch.service;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON body of an alert webhook (docs/api.md): stable field names, times in UTC ISO 8601. The owner's name is
 * not in it, nor anything about the members beyond the names of those that failed.
 */
@JsonPropertyOrder({"type", "version", "alertId", "watchId", "watchName", "createdAt", "firstRun", "partial",
        "newIndicators", "newOrganisations", "failedMembers", "inboxUrl"})
public record WebhookPayload(String type, int version, String alertId, String watchId, String watchName,
        String createdAt, boolean firstRun, boolean partial, List<String> newIndicators,
        List<Organisation> newOrganisations, List<String> failedMembers, String inboxUrl) {

    /** The {@code type} of an alert. */
    public static final String ALERT = "watch.alert";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An organisation that now holds an indicator known before. */
    @JsonPropertyOrder({"indicator", "organisation"})
    public record Organisation(String indicator, String organisation) {
    }

    public static WebhookPayload of(WatchAlert alert, URI inbox) {
        return new WebhookPayload(ALERT, 1, alert.alertId().toString(), alert.watchId().toString(),
                alert.watchName(), utc(alert.createdAt()), alert.firstRun(), !alert.failedMembers().isEmpty(),
                List.copyOf(alert.newIndicators()),
                alert.newOrganisations().stream().map(o -> new Organisation(o.indicatorKey(), o.organisation()))
                        .toList(),
                List.copyOf(alert.failedMembers()), inbox.toString());
    }

    /** UTC, to the second: {@code 2026-12-05T09:24:00Z}. */
    static String utc(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
