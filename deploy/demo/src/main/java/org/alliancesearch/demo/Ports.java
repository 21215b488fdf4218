package org.alliancesearch.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks on the loopback interface, where every process of the demo listens. */
public final class Ports {
    private Ports() {
    }

    /** Fails with a clear message when {@code port} is already taken on 127.0.0.1. */
    public static void requireFree(int port, String what, String envVariable) {
        if (!isFree(port)) {
            throw new LauncherException("Port " + port + " (" + what + ") is already in use on 127.0.0.1. Stop what"
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

    /** A port that is free on 127.0.0.1 right now. */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LauncherException("no free port on 127.0.0.1", e);
        }
    }
}
