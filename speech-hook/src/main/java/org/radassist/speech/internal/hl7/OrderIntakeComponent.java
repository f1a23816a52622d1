package org.radassist.speech.internal.hl7;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.radassist.speech.internal.ScheduledIndications;

/**
 * Orders from the RIS (ORM^O01 / OMI^O23 over MLLP), off until configured (PID {@value #PID}). What
 * it does with a scheduled study: the order's reason (OBR-31, else OBR-13) is remembered by the
 * speech hook for the Study Instance UID, so the dictation session opened later drafts with it as
 * the indication (clinical history) without it being dictated. It does not start a draft before the
 * study is opened, nor fetch images, priors or AI results for it.
 */
@Component(
    configurationPid = OrderIntakeComponent.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OrderIntakeComponent.Config.class)
public final class OrderIntakeComponent {
  public static final String PID = "org.radassist.speech.hl7.orders";
  private static final Logger LOG = Logger.getLogger(OrderIntakeComponent.class.getName());

  @ObjectClassDefinition(
      name = "RadAssist RIS orders (HL7 v2 over MLLP)",
      description =
          "Receives ORM^O01 / OMI^O23 from the RIS; the reason for a scheduled study becomes the"
              + " indication of its drafts")
  public @interface Config {
    @AttributeDefinition(name = "MLLP port", min = "1", max = "65535")
    int port();

    @AttributeDefinition(
        name = "Bind address",
        description =
            "The local address the MLLP server listens on: 127.0.0.1 (this machine only) unless"
                + " the admin sets the RIS-facing interface's address, or 0.0.0.0 for every"
                + " interface")
    String bind_address() default DEFAULT_BIND_ADDRESS;
  }

  static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

  private final OrderIntake intake;

  @Activate
  public OrderIntakeComponent(@Reference ScheduledIndications indications, Config config) {
    int port = config.port() >= 1 && config.port() <= 65535 ? config.port() : -1;
    String bind = config.bind_address() == null ? "" : config.bind_address().trim();
    InetAddress address = null;
    try {
      address = InetAddress.getByName(bind.isEmpty() ? DEFAULT_BIND_ADDRESS : bind);
    } catch (UnknownHostException e) {
      LOG.log(
          Level.SEVERE,
          "RadAssist RIS order intake not started: bind.address ''{0}'' is not an address of"
              + " this machine (PID {1})",
          new Object[] {bind, PID});
    }
    OrderIntake started = null;
    if (address == null) {
      // logged above
    } else if (port < 0) {
      LOG.log(
          Level.WARNING,
          "RadAssist RIS order intake not configured: set port (PID {0}), was ''{1}''",
          new Object[] {PID, config.port()});
    } else {
      OrderIntake candidate =
          new OrderIntake(
              Hl7Components.hl7(),
              address,
              port,
              s -> {
                indications.rememberIndication(s.studyInstanceUid(), s.reason());
                indications.rememberOrder(s.studyInstanceUid(), s.placerOrderNumber());
              });
      try {
        candidate.start();
        started = candidate;
        LOG.log(
            Level.INFO,
            "RadAssist RIS order intake listens on {0}",
            String.valueOf(candidate.boundAddress()));
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.SEVERE, "RadAssist RIS order intake could not listen on port " + port, e);
      }
    }
    this.intake = started;
  }

  /** Where the intake listens, or null when it is not running. */
  java.net.InetSocketAddress boundAddress() {
    return intake == null ? null : intake.boundAddress();
  }

  /**
   * Stops the MLLP server off the SCR / Config Admin thread: HAPI waits up to seconds per
   * connection for its threads, which would hold up every other component's configuration
   * meanwhile.
   */
  @Deactivate
  void deactivate() {
    Thread stop =
        new Thread(
            () -> {
              if (intake != null) {
                intake.close();
              }
            },
            "radassist-hl7-orders-stop");
    stop.setDaemon(true);
    stop.start();
  }
}
