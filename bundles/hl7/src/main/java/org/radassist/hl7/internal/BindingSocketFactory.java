package org.radassist.hl7.internal;

import ca.uhn.hl7v2.util.StandardSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * HAPI's socket factory with server sockets bound to one local address. HAPI 2.6's {@code
 * AcceptorThread} creates the server socket through the context's socket factory and then binds it
 * itself to {@code new InetSocketAddress(port)} (every interface); the server sockets made here
 * keep that port but bind to the configured address instead.
 */
final class BindingSocketFactory extends StandardSocketFactory {
  private final InetAddress address;
  private volatile ServerSocket last;

  BindingSocketFactory(InetAddress address) {
    this.address = Objects.requireNonNull(address);
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    ServerSocket s = new BoundServerSocket(address);
    last = s;
    return s;
  }

  /** Where the last server socket made here listens, or null before it is bound. */
  InetSocketAddress boundAddress() {
    ServerSocket s = last;
    return s == null || !s.isBound() ? null : (InetSocketAddress) s.getLocalSocketAddress();
  }

  /** A server socket that binds to its own address whatever address it is asked to bind to. */
  private static final class BoundServerSocket extends ServerSocket {
    private final InetAddress address;

    BoundServerSocket(InetAddress address) throws IOException {
      this.address = address;
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
      int port = endpoint instanceof InetSocketAddress a ? a.getPort() : 0;
      super.bind(new InetSocketAddress(address, port), backlog);
    }
  }
}
