package org.alliancesearch.portal.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Three SMTP servers for the mail tests: a real one (GreenMail, the default mailer), one that accepts connections and
 * never says a word (mailer {@code silent}), and a port where nothing listens (mailer {@code refused}); mailer
 * {@code withlogin} tries to log in to GreenMail with a password it does not take.
 */
public class SmtpServers implements QuarkusTestResourceLifecycleManager {
    static final String SMTP_PASSWORD = "smtp-password-never-shown-4711";
    static GreenMail greenMail;
    private ServerSocket silent;
    private final List<Socket> held = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        int refusedPort;
        try {
            silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                refusedPort = probe.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    Socket s = silent.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.ofEntries(Map.entry("quarkus.mailer.mock", "false"), Map.entry("%test.quarkus.mailer.mock", "false"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", Integer.toString(greenMail.getSmtp().getPort())),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"), Map.entry("quarkus.mailer.login", "DISABLED"),
                Map.entry("quarkus.mailer.silent.mock", "false"), Map.entry("quarkus.mailer.silent.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.silent.port", Integer.toString(silent.getLocalPort())),
                Map.entry("quarkus.mailer.silent.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.refused.mock", "false"),
                Map.entry("quarkus.mailer.refused.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.refused.port", Integer.toString(refusedPort)),
                Map.entry("quarkus.mailer.refused.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.withlogin.mock", "false"),
                Map.entry("quarkus.mailer.withlogin.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.withlogin.port", Integer.toString(greenMail.getSmtp().getPort())),
                Map.entry("quarkus.mailer.withlogin.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.withlogin.login", "REQUIRED"),
                Map.entry("quarkus.mailer.withlogin.username", "portal-smtp"),
                Map.entry("quarkus.mailer.withlogin.password", SMTP_PASSWORD),
                Map.entry("alliance.watch.delivery.portal-base-url", "https://portal.alliance.example/"),
                Map.entry("alliance.watch.delivery.mail.from", "alerts@portal.alliance.example"),
                Map.entry("alliance.watch.delivery.mail.timeout", "PT3S"),
                Map.entry("alliance.watch.delivery.webhook.timeout", "PT3S"),
                Map.entry("alliance.watch.delivery.webhook.tries", "3"),
                Map.entry("alliance.watch.delivery.webhook.first-backoff", "PT0.05S"),
                Map.entry("alliance.watch.delivery.webhook.max-backoff", "PT0.2S"));
    }

    @Override
    public void stop() {
        try {
            if (silent != null) {
                silent.close();
            }
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        } catch (IOException e) {
            // closing anyway
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
