package org.radassist.panel.internal.shell;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.swing.SwingUtilities;
import org.radassist.model.ImageReference;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.panel.SrDocumentView;
import org.radassist.panel.internal.PanelTool;
import org.radassist.panel.internal.model.FindingRow;
import org.radassist.panel.internal.model.ItemKey;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.model.SrEntry;

/**
 * What the radassist shell commands do, on the open RadAssist tool, the way the radiologist does
 * it: read the Findings tab, type a dictation and press "Draft report", accept a section, press
 * "Approve draft", press a finding's "Show on image". Everything touching the tool runs on the
 * Swing event thread; the shell's thread only waits (bounded) for the tool's answer. Every answer
 * is one or more lines of text; bad input gets a line that names it and says why.
 */
public final class PanelShell {
  private final Supplier<List<PanelTool>> tools;
  private final Duration timeout;

  public PanelShell(Supplier<List<PanelTool>> tools, Duration timeout) {
    this.tools = tools;
    this.timeout = timeout;
  }

  /** The findings the Findings tab shows, numbered from 1, or why there are none. */
  public String findings() {
    return withTool(
        tool ->
            onEdt(
                () -> {
                  MutablePanelState state = tool.state();
                  List<FindingRow> rows = state.findingRows();
                  if (rows.isEmpty()) {
                    String why = state.srMessage();
                    String srs =
                        state.srEntries().stream()
                            .map(
                                e ->
                                    e.label()
                                        + (e.isLoading()
                                            ? " loading"
                                            : e.failure()
                                                .map(f -> " failed: " + f)
                                                .orElse(" read")))
                            .collect(Collectors.joining("; "));
                    return "No findings"
                        + (why == null || why.isBlank() ? "" : ": " + why)
                        + " (SR "
                        + state.srLoad()
                        + (srs.isEmpty() ? "" : ": " + srs)
                        + ")";
                  }
                  List<String> lines = new ArrayList<>();
                  for (int i = 0; i < rows.size(); i++) {
                    FindingRow r = rows.get(i);
                    lines.add(
                        (i + 1)
                            + ". "
                            + r.title()
                            + join(" | ", r.site(), r.size())
                            + " | "
                            + r.algorithm()
                            + " | "
                            + r.confidence()
                            + (r.lowConfidence() ? " (low)" : "")
                            + (r.reference().isPresent() ? " | image" : " | no image")
                            + join(" | ", r.source()));
                  }
                  return String.join("\n", lines);
                }));
  }

  /** Shows the named tab (case does not matter), as a click on it does. */
  public String tab(String name) {
    if (name == null || name.isBlank()) {
      return "tab: no tab named (radassist:tab Draft)";
    }
    return withTool(
        tool ->
            onEdt(
                () -> {
                  for (String t : tool.tabNames()) {
                    // tab titles carry counts ("Findings (1)"): match the name before them
                    String plain = t.replaceFirst("\\s*\\(.*$", "");
                    if (plain.equalsIgnoreCase(name.strip())) {
                      tool.selectTab(t);
                      return "tab: " + t;
                    }
                  }
                  return "tab: no tab '"
                      + name.strip()
                      + "': one of "
                      + String.join(", ", tool.tabNames());
                }));
  }

  /**
   * Shows the SR tab and prints each SR document's tree as that tab shows it (concept: value with
   * units; codes hidden), indented by depth, at most {@value #SR_LINES} lines per document.
   */
  public String sr() {
    return withTool(
        tool ->
            onEdt(
                () -> {
                  tool.tabNames().stream()
                      .filter(t -> t.startsWith("SR"))
                      .findFirst()
                      .ifPresent(tool::selectTab);
                  MutablePanelState state = tool.state();
                  if (state.srEntries().isEmpty()) {
                    String why = state.srMessage();
                    return "sr: no SR document"
                        + (why == null || why.isBlank() ? "" : " (" + why + ")");
                  }
                  List<String> lines = new ArrayList<>();
                  for (SrEntry e : state.srEntries()) {
                    lines.add("SR " + e.label());
                    if (e.isLoading()) {
                      lines.add("  (reading)");
                    } else if (e.failure().isPresent()) {
                      lines.add("  failed: " + e.failure().get());
                    } else {
                      SrDocumentView doc = e.read().orElseThrow();
                      List<String> tree = new ArrayList<>();
                      if (doc.root() != null) {
                        tree(doc.root(), 1, tree);
                      }
                      lines.addAll(tree.subList(0, Math.min(tree.size(), SR_LINES)));
                      if (tree.size() > SR_LINES) {
                        lines.add("  ... " + (tree.size() - SR_LINES) + " more lines");
                      }
                    }
                  }
                  return String.join("\n", lines);
                }));
  }

  private static final int SR_LINES = 80;

  private static void tree(SrDocumentView.SrNode node, int depth, List<String> out) {
    out.add("  ".repeat(depth) + node.label());
    for (SrDocumentView.SrNode child : node.children()) {
      tree(child, depth + 1, out);
    }
  }

  /** Types the dictation, presses "Draft report" and waits for the draft to end. */
  public String dictate(String text) {
    if (text == null || text.isBlank()) {
      return "dictate: no text given (radassist:dictate \"the dictation\")";
    }
    return withTool(
        tool -> {
          onEdt(
              () -> {
                tool.setDictation(text);
                tool.requestDraft();
                return null;
              });
          MutableDraftReview.Phase phase =
              await(
                  () -> tool.state().review().phase(),
                  p ->
                      p != MutableDraftReview.Phase.IDLE
                          && p != MutableDraftReview.Phase.STREAMING);
          return onEdt(
              () -> {
                MutableDraftReview review = tool.state().review();
                String sections =
                    review.sections().stream()
                        .map(s -> s.kind() + " " + s.state())
                        .collect(Collectors.joining(", "));
                return "Draft "
                    + (phase == null
                        ? "still streaming after " + timeout.toSeconds() + " s"
                        : phase)
                    + ": "
                    + review.completeSectionCount()
                    + " of "
                    + review.expectedSectionCount()
                    + " sections streamed"
                    + (sections.isEmpty() ? "" : " (" + sections + ")")
                    + notice(tool.state());
              });
        });
  }

  /** Accepts a section of the draft, as its Accept button does. */
  public String accept(String section) {
    Optional<SectionKind> kind = sectionKind(section);
    if (kind.isEmpty()) {
      return "accept: unknown section '"
          + section
          + "': one of "
          + Arrays.stream(SectionKind.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
    return withTool(
        tool ->
            onEdt(
                () -> {
                  MutablePanelState state = tool.state();
                  ItemKey key = ItemKey.section(kind.get());
                  Optional<Section> current = state.review().section(kind.get());
                  if (current.isEmpty()) {
                    return "accept: the draft has no " + kind.get() + " section";
                  }
                  if (!state.review().accept(key)) {
                    return "accept: "
                        + kind.get()
                        + " cannot be accepted now (it is "
                        + current.get().state()
                        + (state.review().isComplete(kind.get()) ? "" : ", still streaming")
                        + ")"
                        + notice(state);
                  }
                  state.changed();
                  return kind.get()
                      + " accepted ("
                      + state.review().section(kind.get()).map(Section::state).orElse(null)
                      + ")";
                }));
  }

  /** Presses "Approve draft" and waits for the tool's notice. */
  public String approve() {
    return withTool(
        tool -> {
          String before =
              onEdt(
                  () -> {
                    tool.state().setNotice("");
                    tool.approveDraft();
                    return "";
                  });
          String notice = await(() -> tool.state().notice(), n -> n != null && !n.equals(before));
          return notice == null
              ? "approve: no answer within "
                  + timeout.toSeconds()
                  + " s (approval needs the governance bundle)"
              : notice;
        });
  }

  /** Presses finding {@code number}'s "Show on image" and waits for the viewer's answer. */
  public String openFinding(String number) {
    int n;
    try {
      n = Integer.parseInt(number == null ? "" : number.trim());
    } catch (NumberFormatException e) {
      return "open-finding: '" + number + "' is not a finding number (see radassist:findings)";
    }
    return withTool(
        tool -> {
          String problem =
              onEdt(
                  () -> {
                    List<FindingRow> rows = tool.state().findingRows();
                    if (n < 1 || n > rows.size()) {
                      return "open-finding: no finding "
                          + n
                          + " (there are "
                          + rows.size()
                          + ", see radassist:findings)";
                    }
                    Optional<ImageReference> ref = rows.get(n - 1).reference();
                    if (ref.isEmpty()) {
                      return "open-finding: finding " + n + " references no image";
                    }
                    tool.state().setNotice("");
                    tool.openImage(ref.get());
                    return null;
                  });
          if (problem != null) {
            return problem;
          }
          String notice = await(() -> tool.state().notice(), s -> s != null && !s.isEmpty());
          return notice == null
              ? "open-finding: the viewer did not answer within " + timeout.toSeconds() + " s"
              : notice;
        });
  }

  /** The open tool's state, for radassist:status. */
  public String toolStatus() {
    return withTool(
        tool ->
            onEdt(
                () -> {
                  MutablePanelState state = tool.state();
                  MutableDraftReview review = state.review();
                  return "study "
                      + state.study().map(s -> s.studyInstanceUid()).orElse("(none)")
                      + "\nrollout "
                      + (state.governed() ? state.rollout() : "(no governance)")
                      + "\nfindings "
                      + state.findingRows().size()
                      + " (SR "
                      + state.srLoad()
                      + ")"
                      + "\npriors "
                      + priors(state)
                      + "\ndraft "
                      + review.phase()
                      + " "
                      + review.sections().stream()
                          .map(s -> s.kind() + "=" + s.state())
                          .collect(Collectors.joining(" "))
                      + "\nflags "
                      + flags(state)
                      + notice(state);
                }));
  }

  /**
   * The Flags tab's count and what is left to communicate: "3, 1 critical result communicated, 2
   * actionable findings: 1 to communicate (Flags tab; sign-off not held)".
   */
  static String flags(MutablePanelState state) {
    MutableDraftReview review = state.review();
    if (!review.aiShown()) {
      return "(not shown)";
    }
    StringBuilder b = new StringBuilder().append(review.flags().size());
    int critical = review.criticalFlags().size();
    if (critical > 0) {
      b.append(", ")
          .append(critical)
          .append(critical == 1 ? " critical result " : " critical results ")
          .append(state.criticalUnresolved() ? "to communicate (banner)" : "communicated");
    }
    var actionable = review.actionableFlags();
    if (!actionable.isEmpty()) {
      int pending = state.actionableCommunication().pending(actionable).size();
      b.append(", ")
          .append(actionable.size())
          .append(actionable.size() == 1 ? " actionable finding" : " actionable findings")
          .append(
              pending == 0
                  ? " communicated"
                  : ": " + pending + " to communicate (Flags tab; sign-off not held)");
    }
    return b.toString();
  }

  /** The Priors tab: its summary and each measurement's values by date. */
  private static String priors(MutablePanelState state) {
    if (state.priors().isEmpty()) {
      String why = state.priorsMessage();
      return state.priorsLoad() + (why == null || why.isBlank() ? "" : ": " + why);
    }
    var comparison = state.priors().get();
    StringBuilder b = new StringBuilder(comparison.summary());
    for (var trend : comparison.trends()) {
      b.append("\n  ").append(trend.label()).append(":");
      for (var point : trend.points()) {
        b.append(' ')
            .append(point.date())
            .append(' ')
            .append(point.value())
            .append(' ')
            .append(trend.unit());
      }
    }
    return b.toString();
  }

  static Optional<SectionKind> sectionKind(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return Arrays.stream(SectionKind.values()).filter(k -> k.name().equals(wanted)).findFirst();
  }

  private interface ToolAction {
    String on(PanelTool tool) throws Exception;
  }

  private String withTool(ToolAction action) {
    List<PanelTool> open = tools.get();
    if (open.isEmpty()) {
      return "The RadAssist tool is not open (open a study in the viewer and show the RadAssist"
          + " tool)";
    }
    try {
      return action.on(open.get(0));
    } catch (Exception e) {
      Throwable cause = e instanceof InvocationTargetException i ? i.getCause() : e;
      return "failed: " + cause;
    }
  }

  private static String notice(MutablePanelState state) {
    String n = state.notice();
    return n == null || n.isBlank() ? "" : "\nnotice: " + n;
  }

  private static String join(String sep, String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        b.append(sep).append(p);
      }
    }
    return b.toString();
  }

  /** Polls {@code read} on the event thread until {@code done}; null after the timeout. */
  private <T> T await(Callable<T> read, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = onEdt(read);
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        return null;
      }
      Thread.sleep(50);
    }
  }

  private static <T> T onEdt(Callable<T> work) throws Exception {
    if (SwingUtilities.isEventDispatchThread()) {
      return work.call();
    }
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.set(work.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }
}
