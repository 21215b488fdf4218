package org.alliancesearch.portal.apikey.service;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancesearch.model.mispapi.MispIds;

/**
 * The key caller as MISP's {@code /users/view/me} shows a user: {@code User}, {@code Role}, {@code UserSetting} (always
 * present: the reference Python client refuses to connect without it) and {@code Organisation}. Ids are stable strings
 * of digits derived from the owner's subject and organisation; the role is a read-only one; {@code authkey} is never
 * the key.
 */
public final class MispUserView {
    /** MISP's id of its built-in read-only role; the name says what the portal grants. */
    static final String ROLE_ID = "6";
    static final String ROLE_NAME = "alliance member (read-only)";

    private static final List<String> ROLE_PERMISSIONS = List.of("perm_add", "perm_modify", "perm_modify_org",
            "perm_publish", "perm_delegate", "perm_sync", "perm_admin", "perm_audit", "perm_auth", "perm_site_admin",
            "perm_regexp_access", "perm_tagger", "perm_template", "perm_sharing_group", "perm_tag_editor",
            "perm_sighting", "perm_object_template", "perm_galaxy_editor", "perm_warninglist",
            "perm_view_feed_correlations", "perm_analyst_data", "perm_skip_otp", "perm_server_sign", "perm_decaying",
            "perm_publish_zmq", "perm_publish_kafka");

    private MispUserView() {
    }

    /** The uuid the portal gives an alliance organisation (stable: derived from its name). */
    public static String organisationUuid(String organisation) {
        return UUID.nameUUIDFromBytes(("alliance-organisation:" + organisation).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * @param owner who the key acts as
     * @param firstSeen the owner's first sign-in, or null
     * @param lastSeen the owner's last recorded sign-in, or null
     * @param lastApiAccess the key's last recorded use, or null
     */
    public static Map<String, Object> of(KeyOwner owner, OffsetDateTime firstSeen, OffsetDateTime lastSeen,
            OffsetDateTime lastApiAccess) {
        String orgUuid = organisationUuid(owner.organisation());
        String orgId = MispIds.of(orgUuid);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", MispIds.of(owner.subject()));
        user.put("email", owner.email() == null || owner.email().isBlank() ? owner.username() : owner.email());
        user.put("org_id", orgId);
        user.put("role_id", ROLE_ID);
        user.put("autoalert", false);
        user.put("authkey", null);
        user.put("invited_by", "0");
        user.put("gpgkey", null);
        user.put("certif_public", "");
        user.put("nids_sid", "0");
        user.put("termsaccepted", true);
        user.put("newsread", "0");
        user.put("change_pw", false);
        user.put("contactalert", false);
        user.put("disabled", false);
        user.put("expiration", null);
        user.put("current_login", epoch(lastSeen));
        user.put("last_login", epoch(lastSeen));
        user.put("force_logout", false);
        user.put("date_created", epoch(firstSeen));
        user.put("date_modified", epoch(lastSeen));
        user.put("last_api_access", epoch(lastApiAccess));

        Map<String, Object> role = new LinkedHashMap<>();
        role.put("id", ROLE_ID);
        role.put("name", ROLE_NAME);
        for (String permission : ROLE_PERMISSIONS) {
            role.put(permission, permission.equals("perm_auth"));
        }
        role.put("default_role", false);
        role.put("memory_limit", "");
        role.put("max_execution_time", "");
        role.put("restricted_to_site_admin", false);
        role.put("enforce_rate_limit", false);
        role.put("rate_limit_count", "0");

        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("id", orgId);
        organisation.put("name", owner.organisation());
        organisation.put("date_created", epoch(firstSeen));
        organisation.put("date_modified", epoch(lastSeen));
        organisation.put("description", null);
        organisation.put("type", null);
        organisation.put("nationality", "");
        organisation.put("sector", "");
        organisation.put("created_by", "0");
        organisation.put("uuid", orgUuid);
        organisation.put("contacts", null);
        organisation.put("local", true);
        organisation.put("restricted_to_domain", List.of());
        organisation.put("landingpage", null);

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("User", user);
        view.put("Role", role);
        view.put("UserSetting", Map.of());
        view.put("Organisation", organisation);
        return view;
    }

    /** MISP gives times as strings of epoch seconds; null stays null. */
    private static String epoch(OffsetDateTime at) {
        return at == null ? null : Long.toString(at.toEpochSecond());
    }
}
