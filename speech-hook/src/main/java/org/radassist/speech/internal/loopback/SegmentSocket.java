package org.radassist.speech.internal.loopback;

import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One speech engine's WebSocket: a segment per text message, each answered with an ack or a
 * problem. Public because Jetty instantiates listeners only of public classes.
 */
public final class SegmentSocket implements Session.Listener.AutoDemanding {
  private final UnaryOperator<String> answer;
  private volatile Session session;

  SegmentSocket(UnaryOperator<String> answer) {
    this.answer = answer;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
  }

  @Override
  public void onWebSocketText(String message) {
    session.sendText(answer.apply(message), Callback.NOOP);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    callback.succeed();
    session.sendText(
        "{\"type\":\"urn:radassist:problem:unsupported-media-type\",\"title\":\"Binary messages"
            + " are not accepted\",\"status\":415,\"detail\":\"send each segment as a JSON text"
            + " message\"}",
        Callback.NOOP);
  }
}
