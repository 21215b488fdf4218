package org.alliancesearch.model.result;

import java.util.Objects;

import org.alliancesearch.model.misp.MispAttribute;

/** One attribute as returned by one member. */
public record MemberHit(MemberRef member, MispAttribute attribute) {
    public MemberHit {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(attribute, "attribute");
    }
}
