package org.radassist.drafting.service.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Parses an SSE body (as the drafting service sends it) into events and comments. */
record SseEvents(List<Event> events, List<String> comments) {

  record Event(long id, String name, String data) {}

  static SseEvents parse(String body) {
    List<Event> events = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    long id = -1;
    String name = null;
    StringBuilder data = null;
    for (String line : body.split("\n", -1)) {
      if (line.isEmpty()) {
        if (data != null) {
          events.add(new Event(id, name == null ? "message" : name, data.toString()));
        }
        id = -1;
        name = null;
        data = null;
      } else if (line.startsWith(":")) {
        comments.add(line.substring(1).trim());
      } else if (line.startsWith("id: ")) {
        id = Long.parseLong(line.substring(4));
      } else if (line.startsWith("event: ")) {
        name = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data = data == null ? new StringBuilder() : data.append('\n');
        data.append(line.substring(6));
      }
    }
    return new SseEvents(events, comments);
  }

  List<String> names() {
    return events.stream().map(Event::name).collect(Collectors.toList());
  }

  List<Long> ids() {
    return events.stream().map(Event::id).collect(Collectors.toList());
  }

  Event last() {
    return events.get(events.size() - 1);
  }

  Event first(String name) {
    return events.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " event in " + names()));
  }
}
