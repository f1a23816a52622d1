package org.radassist.drafting.internal.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a dictation may be sent: {@code https://} anywhere, plain {@code http://} only to this
 * machine (loopback), unless a lab explicitly allows it; even then the bearer token is never sent
 * in clear to another machine.
 */
public final class EndpointPolicy {
  private static final System.Logger LOG = System.getLogger(EndpointPolicy.class.getName());

  private EndpointPolicy() {}

  /**
   * What the client may do with {@code endpoint}: whether to send the bearer token. Refuses a plain
   * {@code http://} endpoint on another machine unless {@code allowPlainHttp} (then warns, and the
   * token is withheld).
   *
   * @throws IllegalArgumentException naming the URL and the reason
   */
  public static boolean sendToken(URI endpoint, boolean allowPlainHttp) {
    if (endpoint == null || endpoint.getScheme() == null || endpoint.getHost() == null) {
      throw new IllegalArgumentException(
          "drafting endpoint " + endpoint + ": expected an https:// or http:// URL with a host");
    }
    String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return true;
    }
    if (!scheme.equals("http")) {
      throw new IllegalArgumentException(
          "drafting endpoint " + endpoint + ": expected https:// (or http:// on loopback)");
    }
    if (isLoopback(endpoint.getHost())) {
      return true;
    }
    if (!allowPlainHttp) {
      throw new IllegalArgumentException(
          "drafting endpoint "
              + endpoint
              + ": plain http:// to a host that is not this machine would send dictations in"
              + " clear; use https://, or allow plain http for a lab (setting allow_plain_http,"
              + " command line --allow-plain-http)");
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "drafting endpoint {0}: plain http:// to another machine allowed for a lab; dictations"
            + " travel in clear and the bearer token is not sent",
        endpoint);
    return false;
  }

  /** "localhost" or a loopback address literal (no name lookup). */
  public static boolean isLoopback(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false; // a name: not resolved here, so not trusted as loopback
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
