package org.alliancesearch.portal.saved.service;

import java.util.List;

import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.Reason;

/** A user may see a saved search but not change it: only its owner may (and admins may delete it). */
public class NotOwnerException extends CodedProblem {
    private static final long serialVersionUID = 1L;

    public NotOwnerException() {
        super(403, "not-owner", Reason.of("saved.not-owner"), List.of());
    }
}
