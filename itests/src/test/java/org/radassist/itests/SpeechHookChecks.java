package org.radassist.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.radassist.drafting.DraftEvent;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.SpeechHook;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;

/**
 * The speech hook working inside a framework: its loopback intake (embedded Jetty) listens on
 * 127.0.0.1, a segment POSTed there with the install token reaches the open study, and the
 * framework's drafting service drafts it.
 */
final class SpeechHookChecks {
  static final int LOOPBACK_PORT = 17645;

  private SpeechHookChecks() {}

  static void assertDictationPushedToTheLoopbackIntakeIsDrafted(
      BundleContext context, SpeechHook speech) throws Exception {
    assertTrue(speech.sources().contains("panel"));

    String uid = "1.2.826.0.1.3680043.8.498.4242";
    List<DictationSegment> heard = new CopyOnWriteArrayList<>();
    CountDownLatch completed = new CountDownLatch(1);
    CountDownLatch ready = new CountDownLatch(1);
    StudyDictationListener listener =
        new StudyDictationListener() {
          @Override
          public void onSegment(DictationSegment segment) {
            heard.add(segment);
          }

          @Override
          public void onDraftEvent(DraftEvent event) {
            if (event instanceof DraftEvent.Completed) {
              completed.countDown();
            }
          }

          @Override
          public void onStatus(SessionStatus status) {
            if (status.state() == SessionStatus.State.READY && status.unsentItems() == 0) {
              ready.countDown();
            }
          }
        };
    try (StudyDictation study = speech.open(StudyContext.ofStudy(uid), List::of, listener)) {
      // the loopback intake starts, in the background, once the first study is open
      long end = System.currentTimeMillis() + 20_000;
      while (!speech.sources().contains("loopback") && System.currentTimeMillis() < end) {
        Thread.sleep(20);
      }
      assertTrue("sources running: " + speech.sources(), speech.sources().contains("loopback"));
      String token =
          Files.readString(
                  new File(context.getProperty("radassist.data.dir"), "loopback.token").toPath())
              .strip();
      String body =
          "{\"study_instance_uid\":\""
              + uid
              + "\",\"seq\":1,\"final\":true,\"text\":\"new eight mm solid nodule in the right"
              + " upper lobe\"}";
      assertEquals(202, post(token, body));
      assertTrue("no draft within 20 s", completed.await(20, TimeUnit.SECONDS));
      assertTrue("not READY within 20 s", ready.await(20, TimeUnit.SECONDS));
      assertEquals("loopback", heard.get(0).source());
      assertEquals(study.studyInstanceUid(), heard.get(0).studyInstanceUid());
    }
    // closed: the intake refuses dictation for it
    assertEquals(
        409,
        post(
            Files.readString(
                    new File(context.getProperty("radassist.data.dir"), "loopback.token").toPath())
                .strip(),
            "{\"study_instance_uid\":\"" + uid + "\",\"seq\":2,\"final\":true,\"text\":\"x\"}"));
  }

  private static int post(String token, String body) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection)
            new URL("http://127.0.0.1:" + LOOPBACK_PORT + "/v1/dictation").openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setConnectTimeout(5000);
    c.setReadTimeout(20000);
    c.setRequestProperty("Authorization", "Bearer " + token);
    c.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = c.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    int code = c.getResponseCode();
    try (InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream()) {
      if (in != null) {
        in.readAllBytes();
      }
    }
    c.disconnect();
    return code;
  }

  /**
   * HL7 inside the framework (HAPI embedded in the speech hook): once configured, the RIS order
   * intake takes an ORM^O01 over MLLP and acknowledges it with AA.
   */
  static void assertTheOrderIntakeAcknowledgesAnOrderOverMllp(
      org.osgi.service.cm.ConfigurationAdmin configAdmin) throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    org.osgi.service.cm.Configuration c =
        configAdmin.getConfiguration("org.radassist.speech.hl7.orders", "?");
    java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
    props.put("port", port);
    c.update(props);
    try {
      String orm =
          "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||ORM^O01|M1|P|2.3.1\r"
              + "ORC|NW|PLC123|ACC20261129||SC\r"
              + "OBR|1|PLC123|ACC20261129|71271^CT CHEST LOW DOSE^CPT\r"
              + "ZDS|1.2.826.0.1.3680043.8.498.12345^^Application^DICOM\r";
      String ack = null;
      long deadline = System.currentTimeMillis() + 20_000;
      while (ack == null) {
        try {
          ack = mllp(port, orm);
        } catch (java.net.ConnectException e) {
          if (System.currentTimeMillis() > deadline) {
            throw e;
          }
          Thread.sleep(100); // the component is still starting its server
        }
      }
      assertTrue(ack, ack.contains("MSA|AA|M1"));
    } finally {
      c.delete();
    }
    // without its configuration the intake stops listening (so later tests find the framework calm)
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
        Thread.sleep(100);
      } catch (java.net.ConnectException stopped) {
        return;
      }
    }
    throw new AssertionError(
        "the order intake still listens on " + port + " 20 s after its configuration was deleted");
  }

  /** One MLLP exchange: <VT> message <FS><CR>, answered the same way. */
  private static String mllp(int port, String message) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(0x0b);
      out.write(message.getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {0x1c, 0x0d});
      out.flush();
      InputStream in = socket.getInputStream();
      java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != 0x1c; b = in.read()) {
        if (b != 0x0b) {
          answer.write(b);
        }
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
