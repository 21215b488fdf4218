package org.alliancesearch.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.IntSupplier;

/** Port checks on the loopback interface, where every process of the demo listens. */
public final class Ports {
    private Ports() {
    }

    /** A port the launcher was given is taken by another process. */
    public static final class PortTakenException extends LauncherException {
        PortTakenException(String message) {
            super(message);
        }
    }

    /** Fails with a clear message when {@code port} is already taken on 127.0.0.1. */
    public static void requireFree(int port, String what, String envVariable) {
        if (!isFree(port)) {
            throw new PortTakenException("Port " + port + " (" + what + ") is already in use on 127.0.0.1. Stop what"
                    + " uses it, or choose another port with " + envVariable + "=<port>.");
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The first of {@code count} consecutive ports that are all free on 127.0.0.1 right now (simulated members listen
     * on a base port and the ones after it; a free base alone may be followed by a port another process holds).
     */
    public static int freeRun(int count) {
        return freeRun(count, Ports::free);
    }

    static int freeRun(int count, IntSupplier candidates) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = candidates.getAsInt();
            boolean allFree = base + count - 1 <= 65_535;
            for (int i = 1; i < count && allFree; i++) {
                allFree = isFree(base + i);
            }
            if (allFree) {
                return base;
            }
        }
        throw new LauncherException("no " + count + " consecutive free ports on 127.0.0.1");
    }

    /** A port that is free on 127.0.0.1 right now. */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LauncherException("no free port on 127.0.0.1", e);
        }
    }
}
