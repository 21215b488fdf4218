package org.alliancesearch.portal.digest;

import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/** A real SMTP server (GreenMail) for the digest e-mail tests, the default mailer pointed at it. */
public class DigestSmtp implements QuarkusTestResourceLifecycleManager {
    static GreenMail greenMail;
    private static ServerSetup setup;

    /** Stops the server: nothing listens on its port until {@link #restart()}. */
    public static void down() {
        greenMail.stop();
    }

    /** Starts the server again on the same port (empty). */
    public static void restart() {
        greenMail = new GreenMail(setup);
        greenMail.start();
    }

    /** The profile of the digest e-mail tests: the mailer pointed at GreenMail (not the mock). */
    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DigestSmtp.class));
        }
    }

    /** The server the mails arrive at. */
    public static GreenMail server() {
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            setup = new ServerSetup(probe.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        greenMail = new GreenMail(setup);
        greenMail.start();
        return Map.ofEntries(Map.entry("quarkus.mailer.mock", "false"), Map.entry("%test.quarkus.mailer.mock", "false"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", Integer.toString(greenMail.getSmtp().getPort())),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"), Map.entry("quarkus.mailer.login", "DISABLED"),
                Map.entry("alliance.watch.delivery.portal-base-url", "https://portal.alliance.example/"),
                Map.entry("alliance.watch.delivery.mail.from", "digest@portal.alliance.example"),
                Map.entry("alliance.watch.delivery.mail.timeout", "PT5S"),
                Map.entry("alliance.digest.mail.max-attempts", "3"));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
