package org.alliancesearch.connector.search;

import org.alliancesearch.connector.registry.MemberInstance;

/** A member registration (by identity: a changed member is another key) and a normalised search. */
record AnswerKey(MemberInstance member, QueryKey query) {
}
