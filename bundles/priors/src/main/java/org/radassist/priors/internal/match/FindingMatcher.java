package org.radassist.priors.internal.match;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.priors.FindingMatch;
import org.radassist.priors.MatchBasis;
import org.radassist.priors.internal.change.FindingSize;

/**
 * Matches the findings of an earlier study to those of a later one, strongest evidence first:
 *
 * <ol>
 *   <li>the same TID 1500 Tracking Unique Identifier (confidence 1.0);
 *   <li>the same Tracking Identifier, compared case- and space-insensitively (0.9, or 0.7 when the
 *       finding types differ);
 *   <li>the same finding type, site and laterality and within {@code positionToleranceMillimetres}
 *       in patient coordinates, closest pairs first (0.85 falling to 0.5 at the tolerance);
 *   <li>the same type, site and laterality where at least one side has no position: the only
 *       candidate (0.6) or, among several, the closest in size (0.4, noted as ambiguous).
 * </ol>
 *
 * Cost is O(n log n) in the number of findings: hash maps for the identifiers, a uniform grid (cell
 * = tolerance) for positions so each finding looks at its 27 neighbouring cells only, and sorted
 * maps for sizes.
 */
public final class FindingMatcher {

  private final double positionToleranceMillimetres;

  public FindingMatcher(double positionToleranceMillimetres) {
    if (!(positionToleranceMillimetres > 0)) {
      throw new IllegalArgumentException(
          "position tolerance must be positive, was " + positionToleranceMillimetres);
    }
    this.positionToleranceMillimetres = positionToleranceMillimetres;
  }

  public static FindingMatcher defaults() {
    return new FindingMatcher(20);
  }

  public MatchResult match(List<Finding> prior, List<Finding> current) {
    Finding[] p = prior.toArray(Finding[]::new);
    Finding[] c = current.toArray(Finding[]::new);
    FindingMatch[] matchOfCurrent = new FindingMatch[c.length];
    boolean[] priorUsed = new boolean[p.length];
    List<String> notes = new ArrayList<>();

    matchByKey(p, c, priorUsed, matchOfCurrent, FindingMatcher::uidKey, MatchBasis.TRACKING_UID);
    matchByKey(
        p,
        c,
        priorUsed,
        matchOfCurrent,
        FindingMatcher::identifierKey,
        MatchBasis.TRACKING_IDENTIFIER);
    matchByTypeAndSite(p, c, priorUsed, matchOfCurrent, notes);

    List<FindingMatch> matches = new ArrayList<>();
    List<Finding> unmatchedCurrent = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      if (matchOfCurrent[i] != null) {
        matches.add(matchOfCurrent[i]);
      } else {
        unmatchedCurrent.add(c[i]);
      }
    }
    List<Finding> unmatchedPrior = new ArrayList<>();
    for (int j = 0; j < p.length; j++) {
      if (!priorUsed[j]) {
        unmatchedPrior.add(p[j]);
      }
    }
    return new MatchResult(matches, unmatchedPrior, unmatchedCurrent, notes);
  }

  private interface KeyFunction {
    String key(Finding f);
  }

  private static void matchByKey(
      Finding[] p,
      Finding[] c,
      boolean[] priorUsed,
      FindingMatch[] matchOfCurrent,
      KeyFunction keyOf,
      MatchBasis basis) {
    Map<String, Deque<Integer>> byKey = new HashMap<>();
    for (int j = 0; j < p.length; j++) {
      String key = priorUsed[j] ? null : keyOf.key(p[j]);
      if (key != null) {
        byKey.computeIfAbsent(key, k -> new ArrayDeque<>()).add(j);
      }
    }
    for (int i = 0; i < c.length; i++) {
      String key = matchOfCurrent[i] == null ? keyOf.key(c[i]) : null;
      Deque<Integer> candidates = key == null ? null : byKey.get(key);
      if (candidates == null || candidates.isEmpty()) {
        continue;
      }
      int j = candidates.poll();
      priorUsed[j] = true;
      double confidence = basis == MatchBasis.TRACKING_UID ? 1.0 : sameType(p[j], c[i]) ? 0.9 : 0.7;
      matchOfCurrent[i] = new FindingMatch(p[j], c[i], basis, confidence, null);
    }
  }

  /** Position and size of each finding, computed once (they are read many times). */
  private static final class Features {
    private final Finding[] findings;
    private final Position[] positions;
    private final boolean[] positioned;
    private final BigDecimal[] sizes;

    Features(Finding[] findings) {
      this.findings = findings;
      this.positions = new Position[findings.length];
      this.positioned = new boolean[findings.length];
      this.sizes = new BigDecimal[findings.length];
    }

    Position position(int i) {
      if (!positioned[i]) {
        positions[i] = Position.of(findings[i]).orElse(null);
        positioned[i] = true;
      }
      return positions[i];
    }

    BigDecimal size(int i) {
      if (sizes[i] == null) {
        FindingSize s = FindingSize.of(findings[i]);
        sizes[i] = s.in(s.preferredMetric()).orElse(BigDecimal.ZERO);
      }
      return sizes[i];
    }
  }

  private void matchByTypeAndSite(
      Finding[] p,
      Finding[] c,
      boolean[] priorUsed,
      FindingMatch[] matchOfCurrent,
      List<String> notes) {
    Features pf = new Features(p);
    Features cf = new Features(c);
    Map<String, Group> groups = new LinkedHashMap<>();
    for (int j = 0; j < p.length; j++) {
      if (!priorUsed[j]) {
        groups.computeIfAbsent(groupKey(p[j]), k -> new Group()).priors.add(j);
      }
    }
    for (int i = 0; i < c.length; i++) {
      if (matchOfCurrent[i] == null) {
        Group group = groups.get(groupKey(c[i]));
        if (group != null) {
          group.currents.add(i);
        }
      }
    }
    for (Group group : groups.values()) {
      if (!group.currents.isEmpty()) {
        matchByPosition(group, pf, cf, priorUsed, matchOfCurrent);
        matchBySize(group, pf, cf, priorUsed, matchOfCurrent, notes);
      }
    }
  }

  private void matchByPosition(
      Group group, Features pf, Features cf, boolean[] priorUsed, FindingMatch[] matchOfCurrent) {
    Finding[] p = pf.findings;
    Finding[] c = cf.findings;
    double cell = positionToleranceMillimetres;
    Map<Long, List<Integer>> grid = new HashMap<>();
    for (int j : group.priors) {
      Position pos = pf.position(j);
      if (pos != null) {
        grid.computeIfAbsent(cellKey(pos, cell, 0, 0, 0), k -> new ArrayList<>()).add(j);
      }
    }
    if (grid.isEmpty()) {
      return;
    }
    record Candidate(int current, int prior, double distance) {}
    List<Candidate> candidates = new ArrayList<>();
    for (int i : group.currents) {
      Position pos = cf.position(i);
      if (pos == null) {
        continue;
      }
      for (int dx = -1; dx <= 1; dx++) {
        for (int dy = -1; dy <= 1; dy++) {
          for (int dz = -1; dz <= 1; dz++) {
            for (int j : grid.getOrDefault(cellKey(pos, cell, dx, dy, dz), List.of())) {
              double d = pos.distanceTo(pf.position(j));
              if (d <= positionToleranceMillimetres) {
                candidates.add(new Candidate(i, j, d));
              }
            }
          }
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::distance));
    for (Candidate k : candidates) {
      if (matchOfCurrent[k.current] == null && !priorUsed[k.prior]) {
        priorUsed[k.prior] = true;
        double confidence = 0.85 - 0.35 * (k.distance / positionToleranceMillimetres);
        matchOfCurrent[k.current] =
            new FindingMatch(
                p[k.prior], c[k.current], MatchBasis.TYPE_SITE_POSITION, confidence, k.distance);
      }
    }
  }

  /**
   * Pairs what is left of a group where at least one side has no position (two positions farther
   * apart than the tolerance are different lesions): the only candidate, else the nearest in size.
   */
  private static void matchBySize(
      Group group,
      Features pf,
      Features cf,
      boolean[] priorUsed,
      FindingMatch[] matchOfCurrent,
      List<String> notes) {
    Finding[] p = pf.findings;
    Finding[] c = cf.findings;
    List<Integer> priors = new ArrayList<>();
    for (int j : group.priors) {
      if (!priorUsed[j]) {
        priors.add(j);
      }
    }
    List<Integer> currents = new ArrayList<>();
    for (int i : group.currents) {
      if (matchOfCurrent[i] == null) {
        currents.add(i);
      }
    }
    if (priors.isEmpty() || currents.isEmpty()) {
      return;
    }
    boolean unique = priors.size() == 1 && currents.size() == 1;
    // sizes -> prior indices, separately for priors without a position
    TreeMap<BigDecimal, Deque<Integer>> anyPrior = new TreeMap<>();
    TreeMap<BigDecimal, Deque<Integer>> unplacedPrior = new TreeMap<>();
    for (int j : priors) {
      anyPrior.computeIfAbsent(pf.size(j), k -> new ArrayDeque<>()).add(j);
      if (pf.position(j) == null) {
        unplacedPrior.computeIfAbsent(pf.size(j), k -> new ArrayDeque<>()).add(j);
      }
    }
    currents.sort(Comparator.comparing((Integer i) -> cf.size(i)).reversed());
    for (int i : currents) {
      boolean placed = cf.position(i) != null;
      TreeMap<BigDecimal, Deque<Integer>> pool = placed ? unplacedPrior : anyPrior;
      Integer j = takeNearest(pool, cf.size(i), priorUsed);
      if (j == null) {
        continue;
      }
      priorUsed[j] = true;
      matchOfCurrent[i] =
          new FindingMatch(p[j], c[i], MatchBasis.TYPE_SITE, unique ? 0.6 : 0.4, null);
    }
    if (!unique) {
      notes.add(
          "ambiguous match by size among "
              + priors.size()
              + " prior and "
              + currents.size()
              + " current findings of type "
              + describe(c[currents.get(0)].type())
              + " without positions; check the pairing");
    }
  }

  private static Integer takeNearest(
      TreeMap<BigDecimal, Deque<Integer>> pool, BigDecimal size, boolean[] priorUsed) {
    while (!pool.isEmpty()) {
      Map.Entry<BigDecimal, Deque<Integer>> below = pool.floorEntry(size);
      Map.Entry<BigDecimal, Deque<Integer>> above = pool.ceilingEntry(size);
      Map.Entry<BigDecimal, Deque<Integer>> nearest;
      if (below == null) {
        nearest = above;
      } else if (above == null) {
        nearest = below;
      } else {
        nearest =
            size.subtract(below.getKey()).compareTo(above.getKey().subtract(size)) <= 0
                ? below
                : above;
      }
      Integer j = nearest.getValue().poll();
      if (nearest.getValue().isEmpty()) {
        pool.remove(nearest.getKey());
      }
      if (j != null && !priorUsed[j]) {
        return j;
      }
    }
    return null;
  }

  private static long cellKey(Position pos, double cell, int dx, int dy, int dz) {
    long x = (long) Math.floor(pos.x() / cell) + dx;
    long y = (long) Math.floor(pos.y() / cell) + dy;
    long z = (long) Math.floor(pos.z() / cell) + dz;
    // 21 bits per axis: +-1e6 cells, far more than a body at any tolerance >= 1 mm
    return ((x & 0x1FFFFF) << 42) | ((y & 0x1FFFFF) << 21) | (z & 0x1FFFFF);
  }

  private static final class Group {
    final List<Integer> priors = new ArrayList<>();
    final List<Integer> currents = new ArrayList<>();
  }

  static String uidKey(Finding f) {
    return f.trackingUid() == null || f.trackingUid().isBlank() ? null : f.trackingUid().trim();
  }

  static String identifierKey(Finding f) {
    String id = f.trackingIdentifier();
    if (id == null || id.isBlank()) {
      return null;
    }
    return id.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  static String groupKey(Finding f) {
    return code(f.type()) + "|" + code(f.site()) + "|" + code(f.laterality());
  }

  private static String code(CodedConcept concept) {
    return concept == null ? "-" : concept.code() + "^" + concept.scheme().toUpperCase(Locale.ROOT);
  }

  private static boolean sameType(Finding a, Finding b) {
    return a.type() == null || b.type() == null || a.type().sameCode(b.type());
  }

  private static String describe(CodedConcept concept) {
    return concept == null
        ? "(none)"
        : concept.meaning().isEmpty() ? concept.code() : concept.meaning();
  }
}
