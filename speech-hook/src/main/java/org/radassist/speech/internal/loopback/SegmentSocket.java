package org.radassist.speech.internal.loopback;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One speech engine's WebSocket on Jetty's core WebSocket API (no ServiceLoader registrar needed in
 * OSGi): a segment per text message (a text frame and its continuations), each answered with an ack
 * or a problem; a message over the size limit closes the socket with 1009, invalid UTF-8 with 1007,
 * and a binary message is answered with a problem. Ping / close answers are Jetty's.
 */
final class SegmentSocket implements FrameHandler {
  static final String BINARY_REFUSED =
      "{\"type\":\"urn:radassist:problem:unsupported-media-type\",\"title\":\"Binary messages"
          + " are not accepted\",\"status\":415,\"detail\":\"send each segment as a JSON text"
          + " message\"}";

  private final UnaryOperator<String> answer;
  private final int maxMessageBytes;
  private final ByteArrayOutputStream message = new ByteArrayOutputStream();
  private CoreSession session;

  /** The opcode of the message being assembled (TEXT or BINARY), or -1 between messages. */
  private byte assembling = -1;

  SegmentSocket(UnaryOperator<String> answer, int maxMessageBytes) {
    this.answer = answer;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public void onOpen(CoreSession coreSession, Callback callback) {
    this.session = coreSession;
    callback.succeeded();
    coreSession.demand();
  }

  @Override
  public void onFrame(Frame frame, Callback callback) {
    byte op = frame.getOpCode();
    if (op == OpCode.CLOSE) {
      callback.succeeded(); // Jetty answers the close
      return;
    }
    if (op == OpCode.TEXT || op == OpCode.BINARY) {
      assembling = op;
      message.reset();
    }
    if (frame.isDataFrame()) {
      if (assembling == OpCode.TEXT) {
        if (message.size() + frame.getPayloadLength() > maxMessageBytes) {
          callback.succeeded();
          session.close(
              CloseStatus.MESSAGE_TOO_LARGE,
              "a message has at most " + maxMessageBytes + " bytes",
              Callback.NOOP);
          return;
        }
        append(frame.getPayload());
      }
      if (frame.isFin()) {
        byte done = assembling;
        assembling = -1;
        if (done == OpCode.TEXT) {
          String text;
          try {
            text = decode(message.toByteArray());
          } catch (CharacterCodingException e) {
            callback.succeeded();
            session.close(CloseStatus.BAD_PAYLOAD, "text messages must be UTF-8", Callback.NOOP);
            return;
          } finally {
            message.reset();
          }
          send(answer.apply(text));
        } else if (done == OpCode.BINARY) {
          send(BINARY_REFUSED);
        }
      }
    }
    // PING / PONG: Jetty answers a ping that the handler did not answer itself
    callback.succeeded();
    session.demand();
  }

  private void append(ByteBuffer payload) {
    if (payload == null) {
      return;
    }
    ByteBuffer b = payload.slice();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    message.write(bytes, 0, bytes.length);
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private void send(String text) {
    session.sendFrame(new Frame(OpCode.TEXT, text), Callback.NOOP, false);
  }

  @Override
  public void onError(Throwable cause, Callback callback) {
    callback.succeeded(); // Jetty closes the connection with the status derived from the cause
  }

  @Override
  public void onClosed(CloseStatus closeStatus, Callback callback) {
    message.reset();
    callback.succeeded();
  }
}
