package org.alliancesearch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsRefusedWithTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThat(Ports.isFree(port)).isFalse();
            assertThatThrownBy(() -> Ports.requireFree(port, "portal", "ALLIANCE_PORTAL_PORT"))
                    .isInstanceOf(LauncherException.class)
                    .hasMessageContaining(String.valueOf(port))
                    .hasMessageContaining("ALLIANCE_PORTAL_PORT");
        }
    }

    @Test
    void aFreePortIsAccepted() {
        int port = Ports.free();
        assertThat(Ports.isFree(port)).isTrue();
        Ports.requireFree(port, "portal", "ALLIANCE_PORTAL_PORT");
    }
}
