package org.alliancesearch.portal.member.service;

import org.alliancesearch.connector.MemberHealth;

/** A member and what the connector observed of it (null health: not called yet). */
public record MemberHealthRow(MemberView member, MemberHealth health) {
}
