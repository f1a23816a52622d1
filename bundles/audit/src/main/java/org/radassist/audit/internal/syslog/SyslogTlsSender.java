package org.radassist.audit.internal.syslog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sends framed syslog messages to an audit record repository over TLS (RFC 5425), with the
 * collector's certificate checked against a trust store and its host name verified; a client key
 * store gives the mutual authentication IHE ATNA (ITI-19) requires.
 */
public final class SyslogTlsSender implements Closeable {
  /**
   * Where and how to connect.
   *
   * @param host collector host
   * @param port collector port (6514 is the registered syslog-tls port)
   * @param trustStore PKCS#12 trust store holding the collector's CA (null: the JDK's default)
   * @param trustStorePassword its password
   * @param keyStore PKCS#12 key store with this node's certificate (null: no client auth)
   * @param keyStorePassword its password
   */
  public record Target(
      String host,
      int port,
      Path trustStore,
      char[] trustStorePassword,
      Path keyStore,
      char[] keyStorePassword) {}

  private final SSLSocket socket;
  private final OutputStream out;

  /** Connects and completes the TLS handshake. */
  public SyslogTlsSender(Target target, int connectTimeoutMillis)
      throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        target.keyStore() == null
            ? null
            : keyManagers(target.keyStore(), target.keyStorePassword()),
        target.trustStore() == null
            ? null
            : trustManagers(target.trustStore(), target.trustStorePassword()),
        null);
    SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket();
    try {
      s.connect(new InetSocketAddress(target.host(), target.port()), connectTimeoutMillis);
      SSLParameters parameters = s.getSSLParameters();
      parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      parameters.setEndpointIdentificationAlgorithm("HTTPS"); // check the collector's name
      s.setSSLParameters(parameters);
      s.startHandshake();
      this.out = s.getOutputStream();
    } catch (IOException e) {
      s.close();
      throw e;
    }
    this.socket = s;
  }

  /** Sends one SYSLOG-MSG with octet-counting framing. */
  public void send(byte[] syslogMessage) throws IOException {
    out.write(Rfc5424.frame(syslogMessage));
  }

  /** Pushes buffered messages out. */
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      out.flush();
    } finally {
      socket.close();
    }
  }

  private static javax.net.ssl.KeyManager[] keyManagers(Path path, char[] password)
      throws IOException, GeneralSecurityException {
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(load(path, password), password);
    return factory.getKeyManagers();
  }

  private static javax.net.ssl.TrustManager[] trustManagers(Path path, char[] password)
      throws IOException, GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(load(path, password));
    return factory.getTrustManagers();
  }

  private static KeyStore load(Path path, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password);
    }
    return store;
  }
}
