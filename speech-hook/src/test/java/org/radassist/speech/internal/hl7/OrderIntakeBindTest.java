package org.radassist.speech.internal.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radassist.speech.internal.ScheduledIndications;
import org.radassist.speech.internal.TypedConfigs;

/**
 * The RIS order intake listens on 127.0.0.1 unless the admin names another address ({@code
 * bind.address}), although HAPI's own server binds every interface.
 */
class OrderIntakeBindTest {

  private static final ScheduledIndications IGNORED =
      new ScheduledIndications() {
        @Override
        public void rememberIndication(String studyInstanceUid, String indication) {}

        @Override
        public void rememberOrder(String studyInstanceUid, String placerOrderNumber) {}
      };

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** This machine's IPv4 addresses other than loopback (192.0.2.2 on the build machine). */
  static List<InetAddress> nonLoopbackAddresses() throws IOException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .toList();
  }

  static OrderIntakeComponent component(int port, String bindAddress) {
    Map<String, Object> values = new HashMap<>();
    values.put("port", port);
    if (bindAddress != null) {
      values.put("bind_address", bindAddress);
    }
    return new OrderIntakeComponent(
        IGNORED, TypedConfigs.of(OrderIntakeComponent.Config.class, values));
  }

  static InetSocketAddress awaitBound(OrderIntakeComponent c) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    while (c.boundAddress() == null && System.currentTimeMillis() < end) {
      Thread.sleep(10);
    }
    return c.boundAddress();
  }

  static void connect(InetAddress address, int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 2_000);
    }
  }

  @Test
  void byDefaultItListensOnLoopbackOnly() throws Exception {
    int port = freePort();
    OrderIntakeComponent c = component(port, null);
    try {
      InetSocketAddress bound = awaitBound(c);
      assertThat(bound).isNotNull();
      assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(bound.getPort()).isEqualTo(port);
      connect(InetAddress.getLoopbackAddress(), port);
      List<InetAddress> others = nonLoopbackAddresses();
      System.out.printf("order intake on %s; refused on %s%n", bound, others);
      for (InetAddress other : others) {
        assertThatThrownBy(() -> connect(other, port)).isInstanceOf(ConnectException.class);
      }
    } finally {
      c.deactivate();
    }
  }

  @Test
  void theAdminCanOpenItToEveryInterface() throws Exception {
    int port = freePort();
    OrderIntakeComponent c = component(port, "0.0.0.0");
    try {
      InetSocketAddress bound = awaitBound(c);
      assertThat(bound).isNotNull();
      assertThat(bound.getAddress().isAnyLocalAddress()).isTrue();
      connect(InetAddress.getLoopbackAddress(), port);
      for (InetAddress other : nonLoopbackAddresses()) {
        connect(other, port);
      }
    } finally {
      c.deactivate();
    }
  }

  @Test
  void withoutAPortItIsNotStarted() throws Exception {
    OrderIntakeComponent c =
        new OrderIntakeComponent(
            IGNORED, TypedConfigs.of(OrderIntakeComponent.Config.class, Map.of()));
    try {
      assertThat(c.boundAddress()).isNull();
    } finally {
      c.deactivate();
    }
  }

  @Test
  void anAddressThatIsNotAnAddressLeavesItStopped() throws Exception {
    OrderIntakeComponent c = component(freePort(), "no-such-host.invalid");
    try {
      assertThat(c.boundAddress()).isNull();
    } finally {
      c.deactivate();
    }
  }
}
