package org.alliancesearch.portal.searchaudit.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.Reason;

/**
 * The filters of the search audit list as typed: dates ({@code YYYY-MM-DD}, a whole day in UTC) or ISO-8601 times,
 * and a 1-based page.
 */
public record AuditQuery(String user, String organisation, OffsetDateTime from, OffsetDateTime to, String value,
        int page, int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /**
     * @throws CodedProblem 400 with field errors
     */
    public static AuditQuery parse(String user, String organisation, String from, String to, String value,
            Integer page, Integer size) {
        List<FieldProblem> errors = new ArrayList<>();
        OffsetDateTime start = time(from, "from", false, errors);
        OffsetDateTime end = time(to, "to", true, errors);
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 1 || s < 1 || s > MAX_SIZE) {
            errors.add(new FieldProblem(p < 1 ? "page" : "size", "page.range", Reason.of("searchaudit.page")));
        }
        if (!errors.isEmpty()) {
            throw CodedProblem.invalid(Reason.of("searchaudit.invalid"), errors);
        }
        return new AuditQuery(user, organisation, start, end, value, p, s);
    }

    private static OffsetDateTime time(String text, String field, boolean endOfDay,
            List<FieldProblem> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(field, "date.invalid",
                    Reason.of("searchaudit.date", t.length() > 40 ? t.substring(0, 40) + "…" : t)));
            return null;
        }
    }
}
