package org.alliancesearch.portal.warninglist.service;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.alliancesearch.model.warninglist.InvalidWarninglistException;
import org.alliancesearch.model.warninglist.Warninglist;
import org.alliancesearch.model.warninglist.WarninglistReader;
import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.warninglist.persistence.WarninglistRepository;
import org.alliancesearch.portal.warninglist.persistence.WarninglistSetting;
import org.alliancesearch.portal.warninglist.service.WarninglistRefusedException.Reason;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * What administrators do with warninglists: list them, switch one on or off, upload a newer version in MISP's JSON
 * format, go back to the bundled version. Every change is audited and applied to this replica's searches before it is
 * answered; a refused change changes nothing.
 */
@ApplicationScoped
public class WarninglistAdmin {
    /** The largest upload taken (the largest bundled list, public DNS resolvers, is 1.3 MB). */
    public static final int MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

    /**
     * @param created whether the upload added a list of a new name (rather than a newer version)
     */
    public record Uploaded(WarninglistView list, boolean created) {
    }

    private final ActiveWarninglists active;
    private final WarninglistRepository repository;
    private final ChangeLog audit;
    private final CurrentUser user;
    private final Vertx vertx;

    public WarninglistAdmin(ActiveWarninglists active, WarninglistRepository repository, ChangeLog audit,
            CurrentUser user, Vertx vertx) {
        this.active = active;
        this.repository = repository;
        this.audit = audit;
        this.user = user;
        this.vertx = vertx;
    }

    public List<WarninglistView> list() {
        return active.lists().stream().map(WarninglistView::of).toList();
    }

    /** Switches a list on or off. */
    public Uni<WarninglistView> setEnabled(String name, boolean enabled) {
        if (active.find(name).isEmpty()) {
            return Uni.createFrom().failure(new WarninglistRefusedException(Reason.UNKNOWN_LIST, name, null, 0));
        }
        return write(name, row -> row.enabled = enabled, enabled ? "warninglist.enable" : "warninglist.disable")
                .map(v -> view(name));
    }

    /** Adds or replaces a list from a MISP warninglist file; the version must be newer than the one in use. */
    public Uni<Uploaded> upload(byte[] json) {
        if (json == null || json.length > MAX_UPLOAD_BYTES) {
            return Uni.createFrom()
                    .failure(new WarninglistRefusedException(Reason.TOO_LARGE, null, null, MAX_UPLOAD_BYTES));
        }
        // parsing a large list takes a moment: on a worker, answered back on this request's context
        return vertx.executeBlocking(Uni.createFrom().item(() -> read(json))).flatMap(list -> {
            var current = active.find(list.name());
            if (current.isPresent() && list.version() <= current.get().list().version()) {
                throw new WarninglistRefusedException(Reason.NOT_NEWER, list.name(), null,
                        current.get().list().version());
            }
            String text = new String(json, StandardCharsets.UTF_8);
            return write(list.name(), row -> {
                // checked again under the row's lock: another admin may have uploaded this version meanwhile
                if (row.uploadedVersion != null && list.version() <= row.uploadedVersion) {
                    throw new WarninglistRefusedException(Reason.NOT_NEWER, list.name(), null, row.uploadedVersion);
                }
                row.uploadedJson = text;
                row.uploadedVersion = list.version();
            }, "warninglist.upload").map(v -> new Uploaded(view(list.name()), current.isEmpty()));
        });
    }

    /** Goes back to the bundled version (a list only uploaded is removed). */
    public Uni<List<WarninglistView>> revert(String name) {
        var current = active.find(name);
        if (current.isEmpty()) {
            return Uni.createFrom().failure(new WarninglistRefusedException(Reason.UNKNOWN_LIST, name, null, 0));
        }
        if (!current.get().uploaded()) {
            return Uni.createFrom().failure(new WarninglistRefusedException(Reason.NO_UPLOAD, name, null, 0));
        }
        return write(name, row -> {
            row.uploadedJson = null;
            row.uploadedVersion = null;
        }, "warninglist.revert").map(v -> list());
    }

    private static Warninglist read(byte[] json) {
        try {
            return WarninglistReader.read(json);
        } catch (InvalidWarninglistException e) {
            throw new WarninglistRefusedException(Reason.INVALID_FILE, null, e, 0);
        }
    }

    private WarninglistView view(String name) {
        return active.find(name).map(WarninglistView::of)
                .orElseThrow(() -> new WarninglistRefusedException(Reason.UNKNOWN_LIST, name, null, 0));
    }

    /**
     * One audited write of a list's row, then the new snapshot for this replica. The row is created first if missing
     * ({@code on conflict do nothing}, so that admins changing a list for the first time at once do not collide) and
     * then locked, so that concurrent writes of one list take turns; a change that throws rolls the creation back.
     */
    private Uni<Void> write(String name, java.util.function.Consumer<WarninglistSetting> change, String action) {
        Object before = active.find(name).map(WarninglistAdmin::auditView).orElse(null);
        return Panache.withTransaction(() -> repository.createIfMissing(name, user.name())
                .flatMap(ignored -> repository.findById(name, LockModeType.PESSIMISTIC_WRITE))
                .flatMap(row -> {
                    change.accept(row);
                    row.revision += 1;
                    row.updatedBy = user.name();
                    row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return repository.persist(row).flatMap(s -> audit.record(action, "warninglist", name, before,
                            java.util.Map.of("enabled", row.enabled, "uploadedVersion",
                                    row.uploadedVersion == null ? "bundled" : row.uploadedVersion)));
                })).flatMap(v -> active.refresh());
    }

    /** What the audit keeps of a list: never its entries. */
    private static java.util.Map<String, Object> auditView(ActiveWarninglists.ActiveList a) {
        return java.util.Map.of("enabled", a.enabled(), "version", a.list().version(), "source",
                a.uploaded() ? "uploaded" : "bundled");
    }
}
