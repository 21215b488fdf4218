/**
 * The alliance's weekly digest, computed from what each member returned for a time window: indicators that two or
 * more organisations reported in the window, the tags and galaxy clusters most organisations used, and what each
 * member added. Plain Java, like the rest of the model: the portal fetches, stores and shows it.
 */
package org.alliancesearch.model.digest;
