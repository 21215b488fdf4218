package org.alliancesearch.portal.mispapi.service;

import java.util.List;

import org.alliancesearch.model.mispapi.AllianceAttribute;
import org.alliancesearch.model.mispapi.MispSearchRequest;

/**
 * One page of an attribute search, ready to write.
 *
 * @param rows the attributes of this page, in order
 * @param output how to write them
 * @param resultCount MISP's {@code X-Result-Count}
 * @param partial the members that did not answer completely, as {@code memberId=STATUS} joined by ", "; null when
 *        every member answered
 */
public record AttributeAnswer(List<AllianceAttribute> rows, MispSearchRequest.Output output, int resultCount,
        String partial) {
}
