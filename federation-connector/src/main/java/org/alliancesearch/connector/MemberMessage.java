package org.alliancesearch.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every reason the connector gives for a member's answer that was not OK, as a fixed English phrase with holes
 * ({@code "no answer within {} ms"}). The connector writes its messages only through these, so a reader can turn a
 * message back into its code and arguments ({@link #read}) and say it in another language; the English text stays
 * what the API, the logs and the health rows carry.
 */
public enum MemberMessage {
    /** HTTP 401/403. */
    API_KEY_REFUSED("API key refused"),
    /** Another HTTP error status, with the member's own error text. */
    HTTP_STATUS_TEXT("HTTP {} {}"),
    /** Another HTTP error status, without text. */
    HTTP_STATUS("HTTP {}"),
    /** Nothing listens at the member's address. */
    CONNECTION_REFUSED("connection refused"),
    /** The member's host name does not resolve. */
    UNKNOWN_HOST("unknown host"),
    /** The member closed the connection before answering. */
    CONNECTION_CLOSED("connection closed by the member"),
    /** The member reset the connection. */
    CONNECTION_RESET("connection reset by the member"),
    /** Another failure below HTTP, by its kind. */
    TRANSPORT_ERROR("transport error ({})"),
    /** The TLS handshake failed. */
    TLS_FAILED("TLS handshake failed (certificate not trusted or refused)"),
    /** The member's CA, pin or client certificate cannot be used. */
    INVALID_TLS_SETTINGS("invalid TLS settings for this member"),
    /** The call's own timeout. */
    NO_ANSWER_WITHIN("no answer within {} ms"),
    /** A timeout of the fault-tolerance guard. */
    NO_ANSWER_IN_TIME("no answer in time"),
    /** The search's deadline came before any answer. */
    NO_ANSWER_BEFORE_DEADLINE("no answer before the search deadline"),
    /** The circuit breaker is open. */
    CIRCUIT_OPEN("circuit open after repeated failures, member not asked"),
    /** The member's bulkhead is full. */
    TOO_MANY_REQUESTS("too many requests to this member already running"),
    /** An unexpected failure, by its kind. */
    INTERNAL_ERROR_OF("internal error ({})"),
    /** An unexpected failure. */
    INTERNAL_ERROR("internal error"),
    /** The search could not be written as MISP JSON. */
    CANNOT_WRITE_BODY("cannot write the search body"),
    /** The answer is compressed in a way the connector does not read. */
    UNSUPPORTED_ENCODING("unsupported Content-Encoding"),
    /** The answer passed the byte cap; what was read is kept. */
    ANSWER_TOO_LARGE_KEPT("answer larger than {} bytes, read stopped after {}"),
    /** The answer passed the byte cap. */
    ANSWER_TOO_LARGE("answer larger than {} bytes"),
    /** The answer is not JSON. */
    NOT_JSON("answer is not JSON"),
    /** A connection test found no MISP. */
    NOT_MISP("the server does not answer like MISP"),
    /** The member answered with a redirect, which is never followed. */
    REDIRECT_REFUSED("redirect to {} refused"),
    /** The member's share of the result is full. */
    ATTRIBUTE_CAP("result cap of {} attributes reached"),
    /** The member's share of the event result is full. */
    EVENT_CAP("result cap of {} events reached"),
    /** The whole search read as much as it may. */
    SEARCH_BYTE_BUDGET("search byte budget of {} (all members together) reached"),
    /** The search made as many page calls as it may. */
    PAGE_BUDGET("page budget of {} restSearch calls for this search reached"),
    /** This member sent as much as one search may read. */
    MEMBER_BYTE_BUDGET("member byte budget of {} for one search reached"),
    /** A byte budget is used up. */
    BYTE_BUDGET("byte budget used up"),
    /** Reading was stopped by the search. */
    READ_STOPPED("read stopped"),
    /** The compressed answer ended early. */
    GZIP_ENDED_EARLY("gzip answer ended early after {} records"),
    /** The compressed answer is broken. */
    MALFORMED_GZIP("malformed gzip after {} records"),
    /** The answer's JSON is broken. */
    MALFORMED_JSON("malformed JSON after {} records"),
    /** The query cannot be written for members. */
    SEARCH_NOT_SENDABLE("the search cannot be sent to members"),
    /** The deadline came between pages. */
    DEADLINE_WHILE_PAGING("search deadline reached while paging"),
    /** The search's deadline. */
    SEARCH_DEADLINE("search deadline reached"),
    /** The member sent nothing. */
    EMPTY_ANSWER("empty answer"),
    /** How much of a partial answer is kept. */
    ATTRIBUTES_KEPT("{} attributes kept"),
    /** How much of a partial event answer is kept. */
    EVENTS_KEPT("{} events kept"),
    /** The member is switched off. */
    DISABLED("disabled by an administrator");

    /** Between two reasons of one answer ("result cap of 500 attributes reached; 500 attributes kept"). */
    public static final String SEPARATOR = "; ";

    private final String english;
    private final Pattern pattern;

    MemberMessage(String english) {
        this.english = english;
        StringBuilder regex = new StringBuilder("^");
        String[] parts = english.split("\\{\\}", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                regex.append("(.+?)");
            }
        }
        this.pattern = Pattern.compile(regex.append('$').toString(), Pattern.DOTALL);
    }

    /** The English phrase with its holes. */
    public String english() {
        return english;
    }

    /** The message with its holes filled, in order. */
    public String format(Object... args) {
        StringBuilder out = new StringBuilder();
        String[] parts = english.split("\\{\\}", -1);
        for (int i = 0; i < parts.length; i++) {
            out.append(parts[i]);
            if (i < parts.length - 1) {
                out.append(i < args.length ? String.valueOf(args[i]) : "");
            }
        }
        return out.toString();
    }

    /** A message read back: its phrase and what filled the holes. */
    public record Reading(MemberMessage message, List<String> args) {
    }

    /**
     * The phrases of a message as the connector wrote it, one per reason ({@link #SEPARATOR}); empty when a part is
     * not one of them (a message from an older version, say).
     */
    public static Optional<List<Reading>> read(String message) {
        if (message == null || message.isEmpty()) {
            return Optional.empty();
        }
        List<Reading> readings = new ArrayList<>();
        for (String part : message.split(Pattern.quote(SEPARATOR), -1)) {
            Reading reading = readOne(part);
            if (reading == null) {
                return Optional.empty();
            }
            readings.add(reading);
        }
        return Optional.of(readings);
    }

    private static Reading readOne(String part) {
        // Declaration order matters: "HTTP {} {}" before "HTTP {}", "internal error ({})" before "internal error".
        for (MemberMessage candidate : values()) {
            Matcher m = candidate.pattern.matcher(part);
            if (m.matches()) {
                List<String> args = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) {
                    args.add(m.group(g));
                }
                return new Reading(candidate, args);
            }
        }
        return null;
    }
}
