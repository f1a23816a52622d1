package org.radassist.examples.swinghost;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.ChainVerification;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditAction;

/**
 * The sample host end to end without a display, as an automated check of a port: open the study,
 * wait for the AI findings and the prior comparison, dictate, draft, accept every section (or be
 * refused, for a user without the radiologist role), stop the host and verify the audit trail.
 *
 * <pre>
 * java -Djava.awt.headless=true -cp 'lib/*' org.radassist.examples.swinghost.SampleRun \
 *      --study DIR --data DIR [--roles VIEWER] [--no-governance]
 * </pre>
 *
 * Prints one line per step and exits 0 when every step did what it should.
 */
public final class SampleRun {
  /** A CT dictation about the phantom's right upper lobe nodule. */
  public static final String DICTATION =
      "Findings: Lungs: 8 mm solid nodule in the right upper lobe, previously 6 mm. No pleural"
          + " effusion. Heart size normal. Impression: Growing right upper lobe solid nodule.";

  static final long TIMEOUT_SECONDS = 60;

  /** What the run saw; the process exit code is 0 when {@link #ok()}. */
  public record Result(
      String findingsTab,
      boolean priorsCompared,
      boolean draftComplete,
      int accepted,
      boolean refused,
      long auditRecords,
      long acceptRecords,
      long refusalRecords,
      int outboxUnsent,
      boolean auditIntact,
      boolean radiologist,
      boolean governed) {
    public boolean ok() {
      boolean decisions =
          radiologist
              ? accepted > 0 && acceptRecords == accepted
              : refused && acceptRecords == 0 && (!governed || refusalRecords > 0);
      return findingsTab.startsWith("Findings (")
          && priorsCompared
          && draftComplete
          && decisions
          && outboxUnsent == 0
          && auditIntact;
    }
  }

  private SampleRun() {}

  public static Result run(SwingHost.Options options, String dictation, PrintStream log)
      throws Exception {
    boolean radiologist = options.user().has(Role.RADIOLOGIST);
    SwingHost host = SwingHost.start(options);
    PanelRobot robot = new PanelRobot(host.content());
    String findings;
    boolean priors;
    boolean complete;
    int accepted = 0;
    boolean refused = false;
    int unsent;
    try {
      log.println(
          "opened "
              + host.folder().newest().orElseThrow().context().studyDescription()
              + " of "
              + host.folder().newest().orElseThrow().context().studyDate()
              + "; "
              + (host.folder().studies().size() - 1)
              + " other study(ies) in the folder");
      PanelRobot.await(
          () -> robot.tabTitle("Findings").startsWith("Findings ("),
          TIMEOUT_SECONDS,
          TimeUnit.SECONDS);
      findings = robot.tabTitle("Findings");
      log.println("findings: " + findings);
      robot.selectTab("Priors");
      priors =
          PanelRobot.await(() -> robot.shows("Comparison: "), TIMEOUT_SECONDS, TimeUnit.SECONDS);
      log.println("priors: " + (priors ? "Comparison paragraph shown" : "no comparison"));

      robot.selectTab("Draft");
      if (!robot.dictate(dictation) || !robot.click("Draft report")) {
        log.println("draft: no dictation box or no enabled Draft report button");
      }
      complete =
          PanelRobot.await(
              () -> robot.shows("Draft complete") && robot.countEnabled("Accept") > 0,
              TIMEOUT_SECONDS,
              TimeUnit.SECONDS);
      log.println("draft: " + (complete ? "complete" : "not complete"));
      if (complete && radiologist) {
        while (accepted < 50 && robot.click("Accept")) {
          accepted++;
          Thread.sleep(30);
        }
        log.println("accepted: " + accepted + " section(s)");
      } else if (complete) {
        robot.click("Accept");
        refused = PanelRobot.await(() -> robot.shows("Refused: "), 10, TimeUnit.SECONDS);
        log.println(
            "accept as " + options.user().roles() + ": " + (refused ? "refused" : "NOT refused"));
        if (refused && options.governed()) {
          // governance's approval gate audits the refusal on the panel's worker; that worker stops
          // at dispose(), so wait for the record before closing (the decisions queue is awaited by
          // dispose itself, this one is not)
          PanelRobot.await(
              () ->
                  host.audit().readAll().stream()
                      .anyMatch(r -> r.event().action() == AuditAction.ACTION_REFUSED),
              10,
              TimeUnit.SECONDS);
        }
      }
      // the dictation went through the speech hook: made durable in its outbox, then drafted
      unsent = host.speech().unsentItems();
      log.println("speech hook: " + unsent + " dictation item(s) still in the outbox");
    } finally {
      host.close(); // off the EDT: the queued decisions reach the trail before it closes
    }
    // verify the closed trail from its files, as `radassist audit verify` does
    try (var trail = org.radassist.audit.AuditTrails.open(options.dataDir().resolve("audit"))) {
      ChainVerification check = trail.verify();
      List<AuditRecord> records = trail.readAll();
      long accepts =
          records.stream().filter(r -> r.event().action() == AuditAction.SECTION_ACCEPTED).count();
      long refusals =
          records.stream().filter(r -> r.event().action() == AuditAction.ACTION_REFUSED).count();
      log.printf(
          Locale.ROOT,
          "audit: %d record(s), %d section accept(s), %d refusal(s), chain %s%n",
          check.records(),
          accepts,
          refusals,
          check.intact() ? "intact" : "BROKEN");
      return new Result(
          findings,
          priors,
          complete,
          accepted,
          refused,
          check.records(),
          accepts,
          refusals,
          unsent,
          check.intact(),
          radiologist,
          options.governed());
    }
  }

  public static void main(String[] args) throws Exception {
    Path study = null;
    Path data = null;
    java.util.Set<Role> roles = EnumSet.of(Role.RADIOLOGIST);
    boolean governed = true;
    for (int i = 0; i < args.length; i += 2) {
      if (args[i].equals("--no-governance")) {
        governed = false;
        i--;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--study" -> study = Path.of(args[i + 1]);
        case "--data" -> data = Path.of(args[i + 1]);
        case "--roles" -> roles = SwingHost.roles(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (study == null || data == null) {
      System.err.println(
          "usage: SampleRun --study DIR --data DIR [--roles R,...] [--no-governance]");
      System.exit(2);
    }
    Result r =
        run(
            new SwingHost.Options(
                study, data, new UserIdentity("sample", "Sample User", roles), governed),
            DICTATION,
            System.out);
    System.out.println(r.ok() ? "sample host: OK" : "sample host: FAILED " + r);
    System.exit(r.ok() ? 0 : 1);
  }
}
