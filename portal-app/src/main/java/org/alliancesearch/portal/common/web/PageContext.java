package org.alliancesearch.portal.common.web;

/**
 * What the base layout needs on every page.
 *
 * @param user the signed-in user's name
 * @param organisation the user's organisation, or null
 * @param admin whether to show the admin navigation
 * @param flash a one-time message after a form was sent, or null
 * @param lang the page language (BCP 47 tag)
 * @param zone the reader's time zone ({@code Asia/Tokyo}, {@code UTC}), in which the page shows times
 */
public record PageContext(String user, String organisation, boolean admin, String flash, String lang, String zone) {
}
