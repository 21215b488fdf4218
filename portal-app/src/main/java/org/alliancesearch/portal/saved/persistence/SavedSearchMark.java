package org.alliancesearch.portal.saved.persistence;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * What one viewer (by token subject) saw on their last run of a saved search: the "new since last run" marks of each
 * viewer are their own, so a colleague running a shared search neither consumes nor sees the owner's.
 */
@Entity
@Table(name = "saved_search_mark")
public class SavedSearchMark {
    @EmbeddedId
    public Key id;

    @Column(name = "last_run_at", nullable = false)
    public OffsetDateTime lastRunAt;

    /** SHA-256 of each indicator key of the viewer's last run, one per line. */
    @Column(name = "last_keys", nullable = false)
    public String lastKeys;

    /** A saved search and a viewer's subject. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "saved_search_id", nullable = false)
        public UUID savedSearchId;

        @Column(name = "viewer_sub", nullable = false)
        public String viewerSub;

        public Key() {
        }

        public Key(UUID savedSearchId, String viewerSub) {
            this.savedSearchId = savedSearchId;
            this.viewerSub = viewerSub;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(savedSearchId, k.savedSearchId)
                    && Objects.equals(viewerSub, k.viewerSub);
        }

        @Override
        public int hashCode() {
            return Objects.hash(savedSearchId, viewerSub);
        }
    }
}
