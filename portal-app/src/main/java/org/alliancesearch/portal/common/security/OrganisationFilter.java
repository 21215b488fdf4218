package org.alliancesearch.portal.common.security;

import java.lang.reflect.Method;

import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a signed-in user without an organisation do nothing but read the page that tells them to ask the secretariat.
 * Runs after authentication (proactive), before the resource method.
 */
public class OrganisationFilter {
    private final CurrentUser user;

    public OrganisationFilter(CurrentUser user) {
        this.user = user;
    }

    @ServerRequestFilter
    public void requireOrganisation(ResourceInfo resource) {
        if (user.anonymous() || exempt(resource)) {
            return;
        }
        if (user.organisation().isEmpty()) {
            throw new NoOrganisationException();
        }
    }

    private static boolean exempt(ResourceInfo resource) {
        Class<?> type = resource.getResourceClass();
        Method method = resource.getResourceMethod();
        return (type != null && type.isAnnotationPresent(OrganisationNotRequired.class))
                || (method != null && method.isAnnotationPresent(OrganisationNotRequired.class));
    }
}
