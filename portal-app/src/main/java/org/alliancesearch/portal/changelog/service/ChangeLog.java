package org.alliancesearch.portal.changelog.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.changelog.persistence.ChangeLogEntry;
import org.alliancesearch.portal.changelog.persistence.ChangeLogRepository;
import org.alliancesearch.portal.common.security.CurrentUser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Writes the audit trail of admin changes. Callers pass views that hold no secrets; the rows are written in the
 * caller's transaction, so a change and its audit row are stored together or not at all.
 */
@ApplicationScoped
public class ChangeLog {
    private final ChangeLogRepository repository;
    private final CurrentUser user;
    private final ObjectMapper json;

    public ChangeLog(ChangeLogRepository repository, CurrentUser user, ObjectMapper json) {
        this.repository = repository;
        this.user = user;
        this.json = json;
    }

    /** Must run inside a transaction. */
    public Uni<Void> record(String action, String targetType, String targetId, Object before, Object after) {
        return recordAs(user.name(), user.organisation().orElse(null), action, targetType, targetId, before, after);
    }

    /**
     * The same for an actor named by the caller, where no request user is known yet (e.g. while a request is being
     * authenticated). Must run inside a transaction.
     */
    public Uni<Void> recordAs(String actor, String actorOrg, String action, String targetType, String targetId,
            Object before, Object after) {
        ChangeLogEntry entry = new ChangeLogEntry();
        entry.at = OffsetDateTime.now(ZoneOffset.UTC);
        entry.actor = actor;
        entry.actorOrg = actorOrg;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.beforeJson = toJson(before);
        entry.afterJson = toJson(after);
        return repository.persist(entry).replaceWithVoid();
    }

    public Uni<List<ChangeRecord>> latest(int count) {
        return repository.latest(count).map(rows -> rows.stream()
                .map(e -> new ChangeRecord(e.id, e.at, e.actor, e.actorOrg, e.action, e.targetType, e.targetId,
                        e.beforeJson, e.afterJson))
                .toList());
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value not serialisable: " + value.getClass().getName());
        }
    }
}
