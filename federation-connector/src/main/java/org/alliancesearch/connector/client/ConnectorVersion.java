package org.alliancesearch.connector.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The portal version named in the {@code User-Agent} sent to members. */
public final class ConnectorVersion {
    private static final String VERSION = load();

    private ConnectorVersion() {
    }

    public static String version() {
        return VERSION;
    }

    public static String userAgent() {
        return "AllianceSearchPortal/" + VERSION;
    }

    private static String load() {
        try (InputStream in = ConnectorVersion.class
                .getResourceAsStream("/org/alliancesearch/connector/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
