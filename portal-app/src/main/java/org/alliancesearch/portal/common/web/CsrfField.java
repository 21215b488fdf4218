package org.alliancesearch.portal.common.web;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The CSRF token a form was posted with. The filter has checked it already; pages read it to put the same token into
 * the forms they render in the answer (export, save, run).
 */
public class CsrfField {
    @RestForm("csrf-token")
    public String token;
}
