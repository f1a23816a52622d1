package org.radassist.hl7.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.radassist.hl7.Acknowledgement;
import org.radassist.hl7.Hl7FormatException;
import org.radassist.hl7.MllpClient;
import org.radassist.hl7.MllpEndpoint;

/**
 * MLLP over a plain socket, one connection per message: {@code <VT> message <FS><CR>} out, the same
 * framing back. The framing is written here rather than with HAPI's reader because the ACK timeout
 * is one deadline for the whole answer (a receiver trickling bytes cannot stretch it) and an answer
 * is capped in size; HAPI parses the ACK.
 */
final class MllpSocketClient implements MllpClient {
  static final int START = 0x0b;
  static final int END = 0x1c;
  static final int CR = 0x0d;

  /** An ACK is a few hundred bytes; a longer answer is no ACK. */
  static final int MAX_ANSWER_BYTES = 1 << 20;

  private final HapiHl7Messages messages;
  private final MllpEndpoint endpoint;

  MllpSocketClient(HapiHl7Messages messages, MllpEndpoint endpoint) {
    this.messages = messages;
    this.endpoint = endpoint;
  }

  @Override
  public MllpEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public Acknowledgement send(String er7) throws IOException {
    String controlId = messages.controlId(er7);
    String answer;
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(endpoint.host(), endpoint.port()),
          millis(endpoint.connectTimeout().toMillis()));
      long deadline = System.nanoTime() + endpoint.ackTimeout().toNanos();
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream frame = new ByteArrayOutputStream(er7.length() + 3);
      frame.write(START);
      frame.writeBytes(er7.getBytes(StandardCharsets.UTF_8));
      frame.write(END);
      frame.write(CR);
      out.write(frame.toByteArray());
      out.flush();
      answer = readFrame(socket, deadline);
    }
    Acknowledgement ack = messages.parseAcknowledgement(answer);
    if (!controlId.equals(ack.controlId())) {
      throw new Hl7FormatException(
          endpoint
              + " acknowledged control id '"
              + ack.controlId()
              + "' (MSA-2), not the message sent ('"
              + controlId
              + "')");
    }
    return ack;
  }

  private String readFrame(Socket socket, long deadline) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream(512);
    boolean started = false;
    int previous = -1;
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw timeout();
      }
      socket.setSoTimeout(millis(left / 1_000_000));
      int b;
      try {
        b = in.read();
      } catch (SocketTimeoutException e) {
        throw timeout();
      }
      if (b < 0) {
        throw new IOException(endpoint + " closed the connection without an ACK");
      }
      if (!started) {
        started = b == START; // bytes before the start block are noise
        continue;
      }
      if (previous == END && b == CR) {
        byte[] bytes = body.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      if (body.size() >= MAX_ANSWER_BYTES) {
        throw new Hl7FormatException(endpoint + " answered more than 1 MiB: no ACK");
      }
      body.write(b);
      previous = b;
    }
  }

  private SocketTimeoutException timeout() {
    return new SocketTimeoutException(
        endpoint + " sent no ACK within " + endpoint.ackTimeout().toMillis() + " ms");
  }

  private static int millis(long ms) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
  }
}
