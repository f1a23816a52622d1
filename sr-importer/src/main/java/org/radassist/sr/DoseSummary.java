package org.radassist.sr;

import java.util.List;
import org.radassist.model.Measurement;

/**
 * A radiation dose report (TID 10001 projection X-ray, TID 10011 CT): the accumulated totals (e.g.
 * DLP total, DAP total, fluoro time) and per irradiation event the key values (CTDIvol, DLP, DAP,
 * AGD).
 */
public record DoseSummary(String kind, List<Measurement> totals, List<Event> events) {
  /** One CT acquisition or irradiation event: its protocol label and key dose values. */
  public record Event(String position, String label, List<Measurement> values) {
    public Event {
      label = label == null ? "" : label;
      values = List.copyOf(values);
    }
  }

  public DoseSummary {
    totals = List.copyOf(totals);
    events = List.copyOf(events);
  }
}
