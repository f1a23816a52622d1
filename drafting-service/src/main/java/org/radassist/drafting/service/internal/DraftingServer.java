package org.radassist.drafting.service.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.service.internal.http.ApiHandler;
import org.radassist.drafting.service.internal.http.BearerAuth;
import org.radassist.drafting.service.internal.http.ConnectionGuard;
import org.radassist.drafting.service.internal.http.DraftRequestReader;
import org.radassist.drafting.service.internal.http.RateLimiter;
import org.radassist.drafting.service.internal.run.DraftCoordinator;
import org.radassist.drafting.service.internal.store.DraftStore;
import org.radassist.drafting.service.internal.store.StoreException;
import org.radassist.drafting.wire.DraftWire;

/**
 * One replica of the drafting service: Jetty on one connector (HTTP, or HTTPS with a PKCS12
 * keystore), the API handler, and a scheduler for deadlines, abandoned streams and purging old
 * drafts. The store and backend are the caller's; {@link #close()} stops the server, not them.
 */
public final class DraftingServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DraftingServer.class.getName());

  private final ServiceConfig config;
  private final Server server;
  private final ServerConnector connector;
  private final ScheduledExecutorService scheduler;
  private final DraftCoordinator coordinator;
  private final DraftStore store;
  private final ConnectionGuard guard;

  public DraftingServer(ServiceConfig config, DraftingService backend, DraftStore store) {
    this.config = config;
    this.store = store;
    this.scheduler =
        Executors.newScheduledThreadPool(
            1,
            r -> {
              Thread t = new Thread(r, "drafting-service-scheduler");
              t.setDaemon(true);
              return t;
            });
    DraftWire wire = DraftWire.create();
    this.coordinator =
        new DraftCoordinator(
            backend,
            store,
            wire,
            Clock.systemUTC(),
            config.replicaId(),
            scheduler,
            config.abandonGrace());
    QueuedThreadPool threads = new QueuedThreadPool(256, 8);
    threads.setName("drafting-service");
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(16 * 1024);
    // authenticate as soon as the head is in: waiting for body bytes first let a client that
    // announces a body and sends none hold its 401 (and a connection) for as long as it likes
    http.setDelayDispatchUntilContent(false);
    if (config.keystore() != null) {
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStorePath(config.keystore().toString());
      tls.setKeyStorePassword(config.keystorePassword());
      tls.setKeyStoreType("PKCS12");
      tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // clients reach replicas by IP as often as by name; the certificate is checked by them
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      this.connector =
          new ServerConnector(
              server,
              new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
              new HttpConnectionFactory(http));
    } else {
      this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
    }
    connector.setHost(config.host());
    connector.setPort(config.port());
    // a flood of connects must not fill the kernel's accept queue (Java's default is 50): past it
    // the kernel drops handshakes and valid clients wait for SYN retransmits (1 s, 2 s, 4 s ...)
    connector.setAcceptQueueSize(1024);
    // longer than any heartbeat interval, so an idle stream is never cut by the server
    connector.setIdleTimeout(Math.max(60_000, config.heartbeat().toMillis() * 4));
    // slow clients: a deadline for a request's head and body, a cap on sockets per address
    this.guard = new ConnectionGuard(config.connectionLimits(), scheduler, System::nanoTime);
    connector.addBean(guard);
    server.addConnector(connector);
    RateLimiter limiter =
        new RateLimiter(config.ratePerSecond(), config.rateBurst(), System::nanoTime);
    server.setHandler(
        new ApiHandler(
            coordinator,
            new DraftRequestReader(
                wire, config.maxBodyBytes(), config.maxDictationChars(), config.templates()),
            new BearerAuth(config.tokens()),
            limiter,
            store::isReady,
            config.heartbeat(),
            config.defaultDeadline(),
            config.maxDeadline(),
            // two per core: the cores stay busy while a draft waits for the store
            2 * Runtime.getRuntime().availableProcessors()));
    server.setStopTimeout(5_000);
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            store.purgeBefore(Instant.now().minus(config.retention()));
          } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "purge of old drafts failed", e);
          }
        },
        1,
        60,
        TimeUnit.MINUTES);
  }

  /** Starts listening; the port is known afterwards (0 asks for an ephemeral one). */
  public DraftingServer start() throws Exception {
    try {
      // keys of drafts this replica's previous run died in the middle of: free them before serving
      int orphans = store.releaseOrphans(config.replicaId());
      if (orphans > 0) {
        LOG.log(
            System.Logger.Level.INFO,
            "released {0} idempotency key(s) of drafts interrupted by the previous run of {1}",
            orphans,
            config.replicaId());
      }
    } catch (StoreException e) {
      LOG.log(System.Logger.Level.WARNING, "could not release interrupted drafts' keys", e);
    }
    server.start();
    return this;
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The base URI clients use, e.g. {@code https://127.0.0.1:8443}. */
  public URI baseUri() {
    String scheme = config.keystore() == null ? "http" : "https";
    return URI.create(scheme + "://" + config.host() + ":" + port());
  }

  /** The connection limits in force (tests read what they refused). */
  public ConnectionGuard connectionGuard() {
    return guard;
  }

  public DraftCoordinator coordinator() {
    return coordinator;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "server did not stop cleanly", e);
    }
    guard.close();
    scheduler.shutdownNow();
  }
}
