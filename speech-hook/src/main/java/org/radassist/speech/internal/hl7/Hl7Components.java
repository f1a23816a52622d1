package org.radassist.speech.internal.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/** What the HL7 components share: HAPI set up for v2.5.1 structures. */
final class Hl7Components {
  private Hl7Components() {}

  /**
   * v2.3.1 .. 2.5.1 messages parsed into 2.5.1 structures; RIS messages vary: no validation. HAPI
   * finds its message classes through the thread context class loader, which in OSGi is not this
   * bundle's: its threads get this bundle's class loader (see {@link #withBundleClassLoader} for
   * calls on other threads).
   */
  static HapiContext hapi() {
    org.radassist.speech.internal.QuietLibraries.quiet(); // HAPI logs each connection
    HapiContext c = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    c.setValidationContext(ValidationContextFactory.noValidation());
    ClassLoader bundle = Hl7Components.class.getClassLoader();
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    c.setExecutorService(
        java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "radassist-hl7-" + n.incrementAndGet());
              t.setDaemon(true);
              t.setContextClassLoader(bundle);
              return t;
            }));
    return c;
  }

  /** Runs a HAPI call with this bundle's class loader as the thread's context class loader. */
  static <T> T withBundleClassLoader(java.util.concurrent.Callable<T> call) throws Exception {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(Hl7Components.class.getClassLoader());
    try {
      return call.call();
    } finally {
      t.setContextClassLoader(previous);
    }
  }
}
