package org.radassist.speech.internal.loopback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An RFC 9457 problem the intake answers with ({@code application/problem+json}). */
record Problem(String slug, int status, String title, String detail) {
  static final String MEDIA_TYPE = "application/problem+json";

  String toJson(ObjectMapper json) {
    ObjectNode n = json.createObjectNode();
    n.put("type", "urn:radassist:problem:" + slug);
    n.put("title", title);
    n.put("status", status);
    n.put("detail", detail);
    return n.toString();
  }

  ProblemException exception() {
    return new ProblemException(this);
  }

  /** Thrown while reading a request; the handler turns it into the answer. */
  static final class ProblemException extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;

    ProblemException(Problem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }
  }
}
