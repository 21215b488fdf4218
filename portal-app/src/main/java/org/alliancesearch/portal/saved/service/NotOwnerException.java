package org.alliancesearch.portal.saved.service;

import java.util.List;

import org.alliancesearch.portal.common.problem.ProblemException;

/** A user may see a saved search but not change it: only its owner may (and admins may delete it). */
public class NotOwnerException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public NotOwnerException(String detail) {
        super(403, "not-owner", detail, List.of());
    }
}
