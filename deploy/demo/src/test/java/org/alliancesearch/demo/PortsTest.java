package org.alliancesearch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Iterator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsRefusedWithTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThat(Ports.isFree(port)).isFalse();
            assertThatThrownBy(() -> Ports.requireFree(port, "portal", "ALLIANCE_PORTAL_PORT"))
                    .isInstanceOf(Ports.PortTakenException.class)
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

    @Test
    void aRunOfPortsSkipsABaseWhoseFollowingPortIsTaken() throws Exception {
        int blocked = Ports.free();
        try (ServerSocket next = new ServerSocket()) {
            try {
                next.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), blocked + 1));
            } catch (IOException alreadyTaken) {
                // taken by another process: just as good
            }
            Iterator<Integer> candidates = IntStream
                    .concat(IntStream.of(blocked), IntStream.generate(Ports::free))
                    .iterator();
            int base = Ports.freeRun(3, candidates::next);
            assertThat(base).isNotEqualTo(blocked);
            for (int i = 0; i < 3; i++) {
                assertThat(Ports.isFree(base + i)).as("port %d", base + i).isTrue();
            }
        }
    }
}
