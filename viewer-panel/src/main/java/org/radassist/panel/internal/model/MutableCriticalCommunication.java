package org.radassist.panel.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radassist.model.Flag;
import org.radassist.panel.model.CriticalCommunication;

/**
 * An editable {@link CriticalCommunication}: the documentation a nonroutine communication needs:
 * who was told, when and how (ACR practice parameter on communication). The panel holds two: the
 * banner's for critical results (it stays until all three are filled and recorded for every
 * critical flag on screen; a new critical flag raises it again) and the Flags tab's for actionable
 * findings.
 */
public final class MutableCriticalCommunication implements CriticalCommunication {
  private String who = "";
  private String when = "";
  private String how = "";
  // flag message -> what was recorded for it
  private final Map<String, Recorded> communicated = new LinkedHashMap<>();

  /** What was documented for one flag: who was told, when and how. */
  public record Recorded(String who, String when, String how) {
    /** "Communicated to Dr. Chen on 2026-11-20 10:20 by phone". */
    public String line() {
      return "Communicated to " + who + " on " + when + " by " + how;
    }
  }

  @Override
  public String who() {
    return who;
  }

  @Override
  public String when() {
    return when;
  }

  @Override
  public String how() {
    return how;
  }

  public void setWho(String value) {
    who = value == null ? "" : value;
  }

  public void setWhen(String value) {
    when = value == null ? "" : value;
  }

  public void setHow(String value) {
    how = value == null ? "" : value;
  }

  /** The names of the fields still blank, in the order shown ("who", "when", "how"). */
  @Override
  public List<String> missingFields() {
    List<String> missing = new ArrayList<>();
    if (who.isBlank()) {
      missing.add("who");
    }
    if (when.isBlank()) {
      missing.add("when");
    }
    if (how.isBlank()) {
      missing.add("how");
    }
    return List.copyOf(missing);
  }

  /** True when every one of these critical flags has a recorded communication. */
  @Override
  public boolean covers(List<Flag> criticalFlags) {
    return criticalFlags.stream().allMatch(f -> communicated.containsKey(f.message()));
  }

  /** Those of {@code flags} whose communication is not recorded yet, in order. */
  public List<Flag> pending(List<Flag> flags) {
    return flags.stream().filter(f -> !communicated.containsKey(f.message())).toList();
  }

  /** What was recorded for this flag; empty while its communication is not recorded. */
  public Optional<Recorded> recorded(Flag flag) {
    return Optional.ofNullable(communicated.get(flag.message()));
  }

  /** The sentence documented in the report's Communication section. */
  @Override
  public String sentence(List<Flag> criticalFlags) {
    String what =
        criticalFlags.stream()
            .map(Flag::message)
            .reduce((a, b) -> a + "; " + b)
            .orElse("Critical result");
    return what.strip()
        + " \u2014 communicated to "
        + who.strip()
        + " at "
        + when.strip()
        + " by "
        + how.strip()
        + ".";
  }

  void markCommunicated(List<Flag> criticalFlags) {
    Recorded r = new Recorded(who.strip(), when.strip(), how.strip());
    criticalFlags.forEach(f -> communicated.put(f.message(), r));
  }

  void reset() {
    who = "";
    when = "";
    how = "";
    communicated.clear();
  }
}
