package org.radassist.drafting.internal.engine.frames;

import static org.radassist.drafting.internal.engine.frames.FrameExtractor.nearest;
import static org.radassist.drafting.internal.engine.frames.FrameLexicon.KIND_ORGAN;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.PhraseMatcher;
import org.radassist.drafting.internal.engine.Token;
import org.radassist.drafting.internal.engine.frames.FrameExtractor.Draft;
import org.radassist.drafting.internal.engine.frames.FrameExtractor.ExamContext;

/**
 * Where a finding of a sentence is: the site and side words bound to the nearest finding word that
 * can be there (landmarks, lists of sides, regions, "lobe of ..."), location detail (clock face,
 * segment, pole) and the organ rules of particular places (parathyroid, airway, juxtapleural, bone
 * matrix, cerebral lobe, Couinaud segment, prostate anastomosis). {@link FrameExtractor} calls it
 * for every sentence.
 */
final class SiteBinding {
  private final Anatomy anatomy;

  SiteBinding(Anatomy anatomy) {
    this.anatomy = anatomy;
  }

  void bindSites(List<Token> tokens, List<Draft> drafts, boolean orphan) {
    if (orphan && drafts.get(0).site.known()) {
      return; // "Left lobe unremarkable." says nothing more about where the lesion before is
    }
    // "lobe of the right parotid gland": a site said "of" the one before belongs to the same
    // lesion, and a side word right before a site ("the right parotid") is that site's side
    Map<Integer, Draft> siteOwner = new java.util.HashMap<>();
    int prevTo = -1;
    Draft prevOwner = null;
    for (PhraseMatcher.Match<Anatomy.Hit> m : anatomy.sites(tokens)) {
      Draft d = nearestThatCanBeThere(tokens, drafts, m.from(), m.to(), m.value().site());
      if (prevOwner != null && ofTheSite(tokens, prevTo, m.from())) {
        d = prevOwner;
      }
      siteOwner.put(m.from(), d);
      prevTo = m.to();
      prevOwner = d;
      Anatomy.Hit h = m.value();
      Draft lobed =
          h.site() == Anatomy.LIVER || h.site() == Anatomy.THYROID || h.site() == Anatomy.SALIVARY
              ? lobeOf(tokens, drafts, m.from())
              : null;
      if (lobed != null && lobed != d) {
        // "lesion in the superficial lobe of the right parotid gland, likely pleomorphic adenoma":
        // the gland owns the lobe, so the lesion in the lobe is the gland's too
        lobed.site = h.site();
        lobed.bareLobe = false;
      }
      boolean thyroidLobe = // "behind the left lobe of the thyroid"
          m.to() - m.from() == 1
              && tokens.get(m.from()).norm().equals("lobe")
              && lobeOfThyroid(tokens, m.to());
      if ((h.site() == Anatomy.THYROID || thyroidLobe)
          && (landmark(tokens, d, m.from()) || landmarkBefore(tokens, d, m.from()))) {
        d.outsideThyroid |= !d.site.known();
        continue; // "nodule posterior to the right thyroid lobe": the thyroid is where it is not
      }
      if (d.bareLobe
          && (h.site() == Anatomy.LIVER
              || h.site() == Anatomy.THYROID
              || h.site() == Anatomy.SALIVARY)) {
        d.site = h.site(); // "right lobe of the liver", "superficial lobe of the parotid"
        d.bareLobe = false;
        continue;
      }
      Site implied = KIND_ORGAN.get(d.kind);
      if (implied != null
          && !implied.organ().equals(h.site().organ())
          && !(implied == Anatomy.PLEURA && h.site().organ().equals("lung"))
          && !(implied == Anatomy.LUNG && h.site().organ().equals("pleura"))
          && !(implied == Anatomy.PLEURA && h.site() == Anatomy.JOINT)) {
        continue; // "pneumothorax with mediastinal shift": the shift is not where the air is
      }
      // a lobe is more precise than the organ: keep the most specific site
      if (!d.site.known()
          || (d.location.isEmpty() && !h.location().isEmpty())
          || (orphan && !h.location().isEmpty())) {
        d.site = h.site();
        d.bareLobe = m.to() - m.from() == 1 && tokens.get(m.from()).norm().equals("lobe");
        if (!h.location().isEmpty()) {
          d.location = h.location();
        }
      }
      if (h.side() != Side.NONE && d.side == Side.NONE) {
        d.side = h.side();
      }
    }
    adjacentSite(tokens, drafts);
    for (PhraseMatcher.Match<Side> m : anatomy.sides(tokens)) {
      Draft d = siteOwner.getOrDefault(m.to(), nearest(tokens, drafts, m.from(), m.to()));
      Draft before = position(tokens, drafts, m.from());
      if (before != null) {
        d = before;
      }
      if (d.side == Side.NONE) {
        d.side = m.value();
      } else if (d.side != m.value()
          && m.value() != Side.BILATERAL
          && d.side != Side.BILATERAL
          && !d.location.contains(sideWord(m.value()))) {
        d.side = Side.BILATERAL;
      } else if (m.value() == Side.BILATERAL) {
        d.side = Side.BILATERAL;
      }
    }
    regionSide(tokens, drafts);
    locationDetail(tokens, drafts);
    // "meniscal tear with effusion": beside a joint finding the effusion is the joint's
    if (drafts.stream().anyMatch(d -> d.site == Anatomy.JOINT)) {
      for (Draft d : drafts) {
        if (d.kind.equals("effusion") && !d.site.known()) {
          d.site = Anatomy.JOINT;
        }
      }
    }
  }

  /**
   * "liver spleen pancreas normal left adrenal nodule" (dictated without stops): the organ said
   * right before a finding's words is its organ, over one said earlier in the run-on sentence.
   */
  private static final java.util.Set<String> SIDE_TOKENS =
      java.util.Set.of("right", "left", "bilateral", "rt", "lt", "r", "l");

  private static final java.util.Set<String> LIST_JOINS =
      java.util.Set.of("and", "or", ",", "/", "&", "-", "to", "of", "the", "in");

  private void adjacentSite(List<Token> tokens, List<Draft> drafts) {
    for (PhraseMatcher.Match<Anatomy.Hit> m : anatomy.sites(tokens)) {
      Site site = m.value().site();
      int before = m.from() - 1;
      while (before >= 0 && SIDE_TOKENS.contains(tokens.get(before).norm())) {
        before--;
      }
      if (before >= 0 && LIST_JOINS.contains(tokens.get(before).norm())) {
        continue; // "mediastinal and hilar lymphadenopathy": one finding at both sites
      }
      for (Draft d : drafts) {
        Site implied = KIND_ORGAN.get(d.kind);
        if (d.from == m.to()
            && d.site.known()
            && !d.site.organ().equals(site.organ())
            && m.value().location().isEmpty()
            && d.location.isEmpty()
            && (implied == null || implied.organ().equals(site.organ()))) {
          d.site = site;
          d.bareLobe = false;
        }
      }
    }
  }

  /**
   * The nearest finding that can lie at {@code site}: "mass in the left frontal lobe with vasogenic
   * oedema" places the mass, since the oedema's kind implies the lung. The nearest one when none
   * can.
   */
  private static Draft nearestThatCanBeThere(
      List<Token> tokens, List<Draft> drafts, int from, int to, Site site) {
    List<Draft> can = new ArrayList<>();
    for (Draft d : drafts) {
      Site implied = KIND_ORGAN.get(d.kind);
      if (implied == null
          || implied.organ().equals(site.organ())
          || (implied == Anatomy.PLEURA && site.organ().equals("lung"))
          || (implied == Anatomy.LUNG && site.organ().equals("pleura"))
          || (implied == Anatomy.PLEURA && site == Anatomy.JOINT)) {
        can.add(d);
      }
    }
    return nearest(tokens, can.isEmpty() ? drafts : can, from, to);
  }

  /**
   * A side said as a position after a finding ("calculus at the pelviureteric junction on the left
   * with hydronephrosis") is that finding's: the finding before it nearest, or null when the side
   * is not said as "on the left" / "on the right side".
   */
  private static Draft position(List<Token> tokens, List<Draft> drafts, int at) {
    if (at < 2
        || !tokens.get(at - 1).norm().equals("the")
        || !tokens.get(at - 2).norm().equals("on")) {
      return null;
    }
    Draft best = null;
    for (Draft d : drafts) {
      if (d.to >= 0 && d.to <= at - 2 && (best == null || d.to > best.to)) {
        best = d;
      }
    }
    return best;
  }

  /** Limbs, joints and regions: a side said of one covers every finding of its sentence. */
  private static final java.util.Set<String> REGIONS =
      java.util.Set.of(
          "knee",
          "hip",
          "shoulder",
          "ankle",
          "elbow",
          "wrist",
          "groin",
          "thigh",
          "leg",
          "arm",
          "forearm",
          "foot",
          "hand",
          "hemithorax",
          "calf");

  /**
   * "Tear of the medial meniscus of the left knee with effusion": the side of a limb or joint is
   * that of every finding of the sentence that has none of its own (only when one side is said).
   */
  private void regionSide(List<Token> tokens, List<Draft> drafts) {
    List<PhraseMatcher.Match<Side>> sides = anatomy.sides(tokens);
    Side region = Side.NONE;
    for (PhraseMatcher.Match<Side> m : sides) {
      if (m.to() < tokens.size() && REGIONS.contains(tokens.get(m.to()).norm())) {
        region = m.value();
      }
    }
    if (region == Side.NONE || region == Side.BILATERAL) {
      return;
    }
    for (PhraseMatcher.Match<Side> m : sides) {
      if (m.value() != region) {
        return; // another side in the sentence: each finding keeps its own
      }
    }
    for (Draft d : drafts) {
      if (d.side == Side.NONE) {
        d.side = region;
      }
    }
  }

  /** Whether the tokens from {@code prevTo} to {@code at} read "of (the) (side)". */
  private boolean ofTheSite(List<Token> tokens, int prevTo, int at) {
    if (prevTo < 0 || prevTo >= at || !tokens.get(prevTo).norm().equals("of")) {
      return false;
    }
    int i = prevTo + 1;
    if (i < at && tokens.get(i).norm().equals("the")) {
      i++;
    }
    if (i < at) {
      List<Token> rest = tokens.subList(i, at);
      return rest.size() == 1 && !anatomy.sides(tokens.subList(i, at + 1)).isEmpty();
    }
    return true;
  }

  /**
   * The draft placed in a bare "lobe" that the organ at {@code at} owns: "lobe of the (right) X".
   */
  private static Draft lobeOf(List<Token> tokens, List<Draft> drafts, int at) {
    int i = at - 1;
    while (i >= 0 && java.util.Set.of("the", "right", "left").contains(tokens.get(i).norm())) {
      i--;
    }
    if (i < 1 || !tokens.get(i).norm().equals("of") || !tokens.get(i - 1).norm().equals("lobe")) {
      return null;
    }
    for (Draft d : drafts) {
      if (d.bareLobe && d.to <= i - 1) {
        return d;
      }
    }
    return null;
  }

  /** "lobe of the (right) thyroid" from {@code at}, just after the word "lobe". */
  private static boolean lobeOfThyroid(List<Token> tokens, int at) {
    int i = at;
    if (i >= tokens.size() || !tokens.get(i).norm().equals("of")) {
      return false;
    }
    i++;
    while (i < tokens.size()
        && java.util.Set.of("the", "right", "left").contains(tokens.get(i).norm())) {
      i++;
    }
    return i < tokens.size() && tokens.get(i).norm().startsWith("thyroid");
  }

  /** Words that make the site after them a landmark next to the lesion, not its site. */
  private static final java.util.Set<String> LANDMARK_WORDS =
      java.util.Set.of(
          "posterior to",
          "behind",
          "deep to",
          "inferior to",
          "below",
          "beneath",
          "adjacent to",
          "separate from",
          "abutting",
          "outside",
          "next to",
          "exophytic from");

  /** Whether a relation word stands between the lesion word and the site at {@code at}. */
  private static boolean landmark(List<Token> tokens, Draft d, int at) {
    if (d.to > at || d.to < 0) {
      return false;
    }
    for (int i = d.to; i < at; i++) {
      String w = tokens.get(i).norm();
      String two = i + 1 < at ? w + " " + tokens.get(i + 1).norm() : "";
      if (LANDMARK_WORDS.contains(w) || LANDMARK_WORDS.contains(two)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The relation said before the site when the site comes first ("Posterior to the lower pole of
   * the left thyroid lobe there is a 12 mm hypoechoic lesion"): the thyroid is the landmark there
   * too (round 24, helper "fno2"). Looks back a few words from the site, not past a clause break.
   */
  private static boolean landmarkBefore(List<Token> tokens, Draft d, int at) {
    if (d.from < at) {
      return false;
    }
    for (int i = at - 1; i >= Math.max(0, at - 10); i--) {
      String w = tokens.get(i).norm();
      if (w.equals(",") || w.equals(";") || w.equals(":") || w.equals(".")) {
        return false;
      }
      String two = w + " " + (i + 1 < at ? tokens.get(i + 1).norm() : "");
      if (LANDMARK_WORDS.contains(w) || LANDMARK_WORDS.contains(two)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sentence that names the parathyroid is about it: a lesion the sentence leaves unplaced ("9 mm
   * hypoechoic nodule posterior to the right thyroid lobe, likely a parathyroid adenoma") is the
   * parathyroid's, not the thyroid's.
   */
  void parathyroid(List<Token> tokens, List<ConText.Trigger> triggers, List<Draft> drafts) {
    // "no parathyroid adenoma seen" does not make the nodule of its sentence a parathyroid one
    boolean named =
        anatomy.sites(tokens).stream()
            .anyMatch(
                h ->
                    h.value().site() == Anatomy.PARATHYROID
                        && ConText.assertion(triggers, h.from(), h.to()).positive());
    if (!named) {
      return;
    }
    for (Draft d : drafts) {
      if (!d.site.known()) {
        d.site = Anatomy.PARATHYROID;
      }
    }
  }

  private static String sideWord(Side s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static final Pattern CLOCK =
      Pattern.compile(
          "\\b(1[0-2]|[1-9])(?::00|:30)?\\s*(?:o'?clock|o’clock)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEGMENT =
      Pattern.compile(
          "\\bsegment\\s+([1-8]|[ivx]{1,4})\\b|\\b(?:hepatic )?(?:segment|s)([1-8])\\b",
          Pattern.CASE_INSENSITIVE);
  static final Pattern POLE =
      Pattern.compile(
          "\\b(upper|lower|mid|inferior|superior) pole\\b|\\binterpolar\\b",
          Pattern.CASE_INSENSITIVE);

  private static void locationDetail(List<Token> tokens, List<Draft> drafts) {
    if (tokens.isEmpty()) {
      return;
    }
    // the sentence's text from its tokens' span is enough for these short patterns
    StringBuilder b = new StringBuilder();
    List<Integer> tokenAt = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        b.append(' ');
        tokenAt.add(i);
      }
      for (int c = 0; c < tokens.get(i).norm().length(); c++) {
        tokenAt.add(i);
      }
      b.append(tokens.get(i).norm());
    }
    String s = b.toString();
    for (Pattern p : List.of(CLOCK, SEGMENT, POLE)) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        int from = tokenAt.get(m.start());
        int to = tokenAt.get(Math.max(m.start(), m.end() - 1)) + 1;
        Draft d = nearest(tokens, drafts, from, to);
        String detail = m.group().replace(" o'clock", " o'clock").trim();
        d.location = d.location.isEmpty() ? detail : d.location + ", " + detail;
      }
    }
  }

  private static final java.util.Set<String> CONTACT =
      java.util.Set.of(
          "abutting",
          "abuts",
          "abut",
          "along",
          "contacting",
          "contacts",
          "touching",
          "touches",
          "attached",
          "adjacent",
          "against",
          "tethered",
          "arising",
          "based",
          "on",
          "adherent",
          "bordering");

  /**
   * "abutting the right major fissure", "along the costal pleura", "pleural-based": a nodule
   * attached to a fissure or the pleura is juxtapleural (Lung-RADS v2022).
   */
  static void juxtapleural(List<Token> tokens, List<Draft> drafts) {
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).norm();
      boolean at = w.equals("pleural-based") || w.equals("fissural") || w.equals("juxtapleural");
      if (!at && (w.startsWith("fissure") || w.equals("pleura") || w.equals("pleural"))) {
        for (int k = i - 1; k >= Math.max(0, i - 5) && !at; k--) {
          if (tokens.get(k).isPunctuation()) {
            break; // "nodule on the left, no pleural effusion": another clause
          }
          at = CONTACT.contains(tokens.get(k).norm());
        }
      }
      if (at) {
        Draft d = nearest(tokens, drafts, i, i + 1);
        if (d != null && (d.kind.equals("nodule") || d.kind.equals("lesion"))) {
          d.features.put("juxtapleural", "present");
        }
      }
    }
  }

  private static final java.util.Set<String> AIRWAY =
      java.util.Set.of("bronchus", "bronchi", "airway", "airways", "trachea", "carina");

  /** Words that may stand between "within" and the airway ("within the anterior segmental"). */
  private static final java.util.Set<String> AIRWAY_NAME =
      java.util.Set.of(
          "the",
          "a",
          "an",
          "its",
          "left",
          "right",
          "anterior",
          "posterior",
          "apical",
          "lateral",
          "medial",
          "superior",
          "inferior",
          "basal",
          "basilar",
          "subsegmental",
          "segmental",
          "lobar",
          "main",
          "mainstem",
          "main-stem",
          "upper",
          "middle",
          "lower",
          "lobe",
          "lingular",
          "distal",
          "proximal",
          "small",
          "central",
          "apicoposterior",
          "anteromedial",
          "posterolateral",
          "intermediate",
          "of",
          "lumen");

  private static final java.util.Set<String> INSIDE =
      java.util.Set.of(
          "within",
          "in",
          "inside",
          "into",
          "filling",
          "occluding",
          "obstructing",
          "endobronchial",
          "intrabronchial",
          "endoluminal",
          "intraluminal",
          "airway");

  /**
   * A nodule in an airway ("within a subsegmental bronchus", "endobronchial nodule in the anterior
   * segmental bronchus", "in the left main bronchus"): feature "airway" with its level,
   * "subsegmental", "segmental or proximal" (segmental, lobar, main, intermedius, trachea) or
   * "present" when the text does not say.
   */
  static void airway(List<Token> tokens, List<Draft> drafts) {
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).norm();
      boolean word =
          w.equals("endobronchial")
              || w.equals("intrabronchial")
              || ((w.equals("endoluminal") || w.equals("intraluminal"))
                  && tokens.subList(i, Math.min(tokens.size(), i + 12)).stream()
                      .anyMatch(t -> AIRWAY.contains(t.norm())));
      boolean noun = AIRWAY.contains(w);
      if (!word && !noun) {
        continue;
      }
      boolean inside =
          word
              || (w.equals("airway")
                  && i + 1 < tokens.size()
                  && tokens.get(i + 1).norm().startsWith("nodul"));
      // the walk stops at the first word that is no part of an airway's name, so the bound only
      // has to fit the longest names ("the lumen of the right lower lobe posterior basal
      // segmental")
      for (int k = i - 1; k >= Math.max(0, i - 14) && !inside; k--) {
        String v = tokens.get(k).norm();
        if (INSIDE.contains(v)) {
          inside = true;
        } else if (!AIRWAY_NAME.contains(v)) {
          break;
        }
      }
      String level = "present";
      for (int k = Math.max(0, i - 3); k < Math.min(tokens.size(), i + 3); k++) {
        String v = tokens.get(k).norm();
        if (v.equals("subsegmental")) {
          level = "subsegmental";
        } else if (!level.equals("subsegmental")
            && (v.equals("segmental")
                || v.equals("lobar")
                || v.equals("main")
                || v.equals("mainstem")
                || v.equals("main-stem")
                || v.equals("intermedius")
                || v.equals("lobe")
                || v.equals("trachea")
                || v.equals("tracheal")
                || v.equals("carina")
                || v.equals("central"))) {
          level = "segmental or proximal";
        }
      }
      if (w.equals("trachea") || w.equals("tracheal") || w.equals("carina")) {
        level = "segmental or proximal";
      }
      if (!inside) {
        continue;
      }
      // the nearest nodule, lesion or mass: "lesion obstructing the bronchus with atelectasis"
      Draft d =
          nearest(
              tokens,
              drafts.stream()
                  .filter(
                      o ->
                          o.kind.equals("nodule")
                              || o.kind.equals("lesion")
                              || o.kind.equals("mass"))
                  .toList(),
              i,
              i + 1);
      if (d != null
          && !d.features.getOrDefault("airway", "present").equals("subsegmental")
          && !d.features.getOrDefault("airway", "present").equals("segmental or proximal")) {
        d.features.put("airway", level);
      }
    }
  }

  /** Words that describe bone matrix: a lesion so described is a bone lesion. */
  private static final java.util.Set<String> BONE_MATRIX =
      java.util.Set.of(
          "sclerotic",
          "lytic",
          "osteolytic",
          "blastic",
          "osteoblastic",
          "osteosclerotic",
          "permeative",
          "lucent",
          "lytic-sclerotic");

  /**
   * An unplaced lesion its own words call sclerotic, lytic or blastic ("right iliac sclerotic
   * lesion" on a prostate MRI) is the skeleton's, not the exam's organ.
   */
  static void boneMatrix(List<Token> tokens, List<Draft> drafts) {
    for (Draft d : drafts) {
      if (d.site.known()
          || !(d.kind.equals("lesion") || d.kind.equals("mass") || d.kind.equals("nodule"))) {
        continue;
      }
      for (int k = Math.max(0, d.from - 3); k < d.from; k++) {
        if (BONE_MATRIX.contains(tokens.get(k).norm())) {
          d.site = Anatomy.BONE;
          break;
        }
      }
    }
  }

  /**
   * An organ word right before the lesion word ("left adrenal nodule") is where the lesion is, over
   * an organ said further off in a run-on dictation ("liver spleen pancreas normal left adrenal
   * nodule ..."); not for kinds that carry their own organ (effusion, pneumothorax). Round 24,
   * helper "fno2".
   */
  void organRightBefore(List<Token> tokens, List<Draft> drafts) {
    for (PhraseMatcher.Match<Anatomy.Hit> m : anatomy.sites(tokens)) {
      Site site = m.value().site();
      for (Draft d : drafts) {
        if (m.to() == d.from
            && d.site.known()
            && !d.site.organ().equals(site.organ())
            && KIND_ORGAN.get(d.kind) == null
            && !site.organ().isEmpty()
            && !(site == Anatomy.THYROID && d.outsideThyroid)) {
          d.site = site;
          d.location = m.value().location();
          d.bareLobe = false;
        }
      }
    }
  }

  /**
   * On a prostate exam "the anastomosis" / "anastomotic nodule" is the vesicourethral anastomosis
   * of a prostatectomy, where a local recurrence sits, unless the sentence names the bowel (round
   * 24, helper "fno2").
   */
  static void prostateAnastomosis(List<Token> tokens, List<Draft> drafts, ExamContext exam) {
    if (!exam.bodyPart().contains("PROSTATE")) {
      return;
    }
    boolean anastomosis = false;
    boolean bowel = false;
    for (Token t : tokens) {
      String w = t.norm();
      anastomosis |= w.startsWith("anastomo");
      bowel |=
          w.startsWith("colorectal")
              || w.startsWith("ileocolic")
              || w.startsWith("bowel")
              || w.startsWith("rect")
              || w.startsWith("colo")
              || w.startsWith("sigmoid");
    }
    if (!anastomosis || bowel) {
      return;
    }
    for (Draft d : drafts) {
      if (d.site == Anatomy.BOWEL) {
        d.site = Anatomy.PROSTATE;
      }
    }
  }

  private static final java.util.Set<String> CEREBRAL_LOBE_WORDS =
      java.util.Set.of(
          "frontal",
          "parietal",
          "temporal",
          "occipital",
          "frontoparietal",
          "temporoparietal",
          "parieto-occipital",
          "parietooccipital",
          "frontotemporal");

  private static final java.util.Set<String> NOT_BRAIN_WORDS =
      java.util.Set.of("scalp", "bone", "skull", "calvarial", "subgaleal", "subcutaneous", "soft");

  /**
   * On a head CT / MRI an unplaced lesion its own words put in a cerebral lobe ("2.2 cm right
   * temporal mass", "left frontal lesion") is the brain's, not the lung's nor nowhere (round 24,
   * helper "fno2"); "temporal scalp" / "parietal bone" keep their own place.
   */
  static void cerebralLobe(List<Token> tokens, List<Draft> drafts, ExamContext exam) {
    String body = exam.bodyPart();
    if (!(body.contains("HEAD") || body.contains("BRAIN"))) {
      return;
    }
    for (Draft d : drafts) {
      if (d.site.known()
          || !(d.kind.equals("lesion") || d.kind.equals("mass") || d.kind.equals("nodule"))) {
        continue;
      }
      boolean lobe = false;
      boolean other = false;
      for (int k = Math.max(0, d.from - 3); k < d.from; k++) {
        String w = tokens.get(k).norm();
        lobe |= CEREBRAL_LOBE_WORDS.contains(w);
        other |= NOT_BRAIN_WORDS.contains(w);
      }
      if (lobe && !other || meningealPlace(tokens, d)) {
        d.site = Anatomy.BRAIN;
      }
    }
  }

  private static final java.util.Set<String> MENINGEAL_WORDS =
      java.util.Set.of(
          "extra-axial",
          "extraaxial",
          "intra-axial",
          "intraaxial",
          "dural-based",
          "convexity",
          "parafalcine",
          "falcine");

  /**
   * Round 26 (helper "om4"): on a head exam a lesion said extra- / intra-axial, dural-based or
   * along a convexity / the falx ("2.5 cm extra-axial mass along the left frontal convexity") is
   * intracranial (the brain's site), unless its words name the scalp or skull.
   */
  private static boolean meningealPlace(List<Token> tokens, Draft d) {
    boolean place = false;
    for (int k = Math.max(0, d.from - 4); k < Math.min(tokens.size(), d.to + 6); k++) {
      String w = tokens.get(k).norm();
      if (NOT_BRAIN_WORDS.contains(w)) {
        return false;
      }
      place |= MENINGEAL_WORDS.contains(w);
    }
    return place;
  }

  private static final Pattern COUINAUD =
      Pattern.compile(
          "\\bsegments?\\s+(?:[1-8]|i{1,3}|iv|v|vi{1,3})[ab]?\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern LUNG_WORDS =
      Pattern.compile(
          "\\b(?:(?:upper|lower|middle)\\s+lobe|lingula\\w*|lungs?|pulmonary|[rl][ulm]l|bronch\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * An unplaced lesion in a sentence that names a Couinaud segment and nothing of the lung ("new
   * 1.6 cm hypoenhancing lesion in segment 8") is the liver's.
   */
  static void couinaud(String sentence, List<Draft> drafts) {
    if (!COUINAUD.matcher(sentence).find() || LUNG_WORDS.matcher(sentence).find()) {
      return;
    }
    for (Draft d : drafts) {
      if (!d.site.known()
          && (d.kind.equals("lesion")
              || d.kind.equals("mass")
              || d.kind.equals("nodule")
              || d.kind.equals("cyst")
              || d.kind.equals("metastasis"))) {
        d.site = Anatomy.LIVER;
      }
    }
  }
}
