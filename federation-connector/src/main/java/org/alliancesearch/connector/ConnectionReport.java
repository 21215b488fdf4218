package org.alliancesearch.connector;

import java.util.List;

/**
 * The result of "test connection" against a member.
 *
 * @param status OK, UNAUTHORIZED ("API key refused"), TIMEOUT or ERROR
 * @param mispVersion from {@code /servers/getVersion}, or null
 * @param organisation the service user's organisation from {@code /users/view/me}, or null
 * @param role the service user's role name, or null
 * @param permissions the role's permissions that are granted ({@code perm_*} names), empty if unknown
 * @param latencyMs round trip of the calls
 * @param message the reason when not OK, else null
 * @param organisationUuid the uuid of the service user's organisation from {@code /users/view/me}, or null: with
 *        {@code organisation}, the member's own MISP organisation, the one it may speak for
 */
public record ConnectionReport(MemberStatus status, String mispVersion, String organisation, String role,
        List<String> permissions, long latencyMs, String message, String organisationUuid) {
    public ConnectionReport {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }

    /** A report without the organisation's uuid. */
    public ConnectionReport(MemberStatus status, String mispVersion, String organisation, String role,
            List<String> permissions, long latencyMs, String message) {
        this(status, mispVersion, organisation, role, permissions, latencyMs, message, null);
    }

    public boolean ok() {
        return status == MemberStatus.OK;
    }
}
