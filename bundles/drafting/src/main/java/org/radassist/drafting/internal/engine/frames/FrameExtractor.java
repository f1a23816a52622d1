package org.radassist.drafting.internal.engine.frames;

import static org.radassist.drafting.internal.engine.frames.ExamPlacement.abdominal;
import static org.radassist.drafting.internal.engine.frames.ExamPlacement.fromFeatures;
import static org.radassist.drafting.internal.engine.frames.ExamPlacement.jointExam;
import static org.radassist.drafting.internal.engine.frames.ExamPlacement.thyroidExam;
import static org.radassist.drafting.internal.engine.frames.FeatureBinding.bindChange;
import static org.radassist.drafting.internal.engine.frames.FeatureBinding.bindFeatures;
import static org.radassist.drafting.internal.engine.frames.FeatureBinding.focalOpacity;
import static org.radassist.drafting.internal.engine.frames.FeatureBinding.newAgainstPrior;
import static org.radassist.drafting.internal.engine.frames.FrameLexicon.CHANGE_WORDS;
import static org.radassist.drafting.internal.engine.frames.FrameLexicon.FEATURE_WORDS;
import static org.radassist.drafting.internal.engine.frames.FrameLexicon.KIND_ORGAN;
import static org.radassist.drafting.internal.engine.frames.FrameLexicon.KIND_WORDS;
import static org.radassist.drafting.internal.engine.frames.SiteBinding.POLE;
import static org.radassist.drafting.internal.engine.frames.SiteBinding.airway;
import static org.radassist.drafting.internal.engine.frames.SiteBinding.boneMatrix;
import static org.radassist.drafting.internal.engine.frames.SiteBinding.cerebralLobe;
import static org.radassist.drafting.internal.engine.frames.SiteBinding.couinaud;
import static org.radassist.drafting.internal.engine.frames.SiteBinding.juxtapleural;
import static org.radassist.drafting.internal.engine.frames.SiteBinding.prostateAnastomosis;
import static org.radassist.drafting.internal.engine.frames.SizeBinding.SIZE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.internal.engine.PhraseMatcher;
import org.radassist.drafting.internal.engine.Sentences;
import org.radassist.drafting.internal.engine.Token;
import org.radassist.drafting.internal.engine.frames.FrameLexicon.Feature;

/**
 * Turns report text (and AI results) into {@link LesionFrame}s: one frame per finding word of a
 * sentence, with the site, side, sizes, composition, features and change words of the sentence
 * bound to the nearest finding word, and its assertion read with {@link ConText}. A sentence that
 * names no finding but describes one ("Solid, hypoechoic, taller than wide.", "It measures 8 mm.")
 * adds to the frame before it. Deterministic and thread-safe once built. It coordinates: the words
 * are in {@link FrameLexicon}; {@link SiteBinding}, {@link SizeBinding} and {@link FeatureBinding}
 * bind a sentence's sites, sizes, features and change to its findings; {@link ExamPlacement} places
 * a finding by its exam context.
 */
public final class FrameExtractor {
  /**
   * Where the text comes from, to place findings that name no organ ("5 mm nodule" on a CT chest).
   */
  public record ExamContext(String modality, String bodyPart) {
    public static final ExamContext NONE = new ExamContext("", "");

    public ExamContext {
      modality = modality == null ? "" : modality.toUpperCase(Locale.ROOT);
      bodyPart = bodyPart == null ? "" : bodyPart.toUpperCase(Locale.ROOT);
    }
  }

  /** Lesion kinds: key to display name. */
  public static final Map<String, String> KINDS = FrameLexicon.KINDS;

  private final ConText conText = new ConText();
  private final Anatomy anatomy = new Anatomy();
  private final SiteBinding siteBinding = new SiteBinding(anatomy);
  private final SizeBinding sizeBinding = new SizeBinding();

  /** Frames of a text with no exam context. */
  public List<LesionFrame> extract(String text) {
    return extract(text, ExamContext.NONE);
  }

  /** Frames of a text (findings or impression) read in the given exam context. */
  public List<LesionFrame> extract(String text, ExamContext exam) {
    List<LesionFrame> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    Side heading = Side.NONE;
    for (Sentences.Span span : Sentences.split(text)) {
      int before = out.size();
      sentence(text, span.start(), span.end(), exam, out);
      List<Token> tokens = Token.tokenize(text.substring(span.start(), span.end()));
      Side said = anatomy.heading(tokens);
      if (said != Side.NONE && out.size() == before) {
        heading = said; // "Left knee." heads the findings after it
      } else if (!anatomy.sides(tokens).isEmpty()) {
        heading = Side.NONE; // a sentence that names its own side ends the heading's reach
      } else if (heading != Side.NONE) {
        for (int i = 0; i < out.size(); i++) {
          LesionFrame f = out.get(i);
          if (f.sentenceStart() >= span.start() && f.side() == Side.NONE) {
            out.set(i, withSide(f, heading));
          }
        }
      }
    }
    return out;
  }

  private static LesionFrame withSide(LesionFrame f, Side side) {
    return new LesionFrame(
        f.kind(),
        f.site(),
        side,
        f.location(),
        f.sizes(),
        f.composition(),
        f.features(),
        f.assertion(),
        f.change(),
        f.source(),
        f.start(),
        f.end(),
        f.sentenceStart(),
        f.sentenceEnd());
  }

  /** Frames of AI results: present, with the AI's size, location and coded composition. */
  public List<LesionFrame> fromAi(List<AiResult> results) {
    List<LesionFrame> out = new ArrayList<>();
    for (AiResult ai : results) {
      String finding = ai.finding().toLowerCase(Locale.ROOT);
      List<Token> words = Token.tokenize(finding);
      String kind = "";
      for (PhraseMatcher.Match<String> m : KIND_WORDS.findAll(words)) {
        kind = m.value();
      }
      if (kind.isEmpty()) {
        kind = finding.trim().replace(' ', '_');
      }
      Anatomy.Hit where =
          anatomy.read((ai.location() == null ? "" : ai.location()) + " " + ai.finding());
      Site site = where.site().known() ? where.site() : KIND_ORGAN.getOrDefault(kind, Site.UNKNOWN);
      if (!site.known() && finding.contains("lung")) {
        site = Anatomy.LUNG;
      }
      List<Measurement> sizes = new ArrayList<>();
      if (ai.sizeMm() != null) {
        sizes.add(new Measurement(List.of(ai.sizeMm()), "mm", Measurement.Role.OVERALL, -1, -1));
      }
      Map<String, String> features = new TreeMap<>();
      String composition = "";
      if (ai.composition() != null && !ai.composition().isBlank()) {
        for (PhraseMatcher.Match<Feature> m :
            FEATURE_WORDS.findAll(Token.tokenize(ai.composition()))) {
          Feature f = m.value();
          if (f.group().equals("composition")) {
            composition = composition.isEmpty() ? f.value() : composition;
          } else {
            features.putIfAbsent(f.group(), f.value());
          }
        }
      }
      String source = "AI: " + (ai.algorithm() == null ? ai.source() : ai.algorithm().toString());
      out.add(
          new LesionFrame(
              kind,
              site,
              where.side(),
              where.location(),
              sizes,
              composition,
              features,
              Assertion.PRESENT,
              Change.NOT_STATED,
              source,
              -1,
              -1,
              -1,
              -1));
    }
    return out;
  }

  /**
   * The sides at which a sentence names an organ ("Right testis normal." names the testis on the
   * right), from a side word right before the organ's words or a side the words carry.
   */
  public java.util.Set<Side> sidesOf(String sentence, String organ) {
    List<Token> tokens = Token.tokenize(sentence);
    java.util.Set<Side> out = java.util.EnumSet.noneOf(Side.class);
    List<PhraseMatcher.Match<Side>> sides = anatomy.sides(tokens);
    for (PhraseMatcher.Match<Anatomy.Hit> m : anatomy.sites(tokens)) {
      if (!m.value().site().organ().equals(organ)) {
        continue;
      }
      Side s = m.value().side();
      for (PhraseMatcher.Match<Side> sm : sides) {
        if (sm.to() == m.from()) {
          s = sm.value();
        }
      }
      if (s != Side.NONE) {
        out.add(s);
      }
    }
    return out;
  }

  /** Reads a free-text location ("right upper lobe") to a site and side. */
  public Site site(String location) {
    return anatomy.read(location == null ? "" : location).site();
  }

  // ------------------------------------------------------------------ one sentence

  /** A frame being built: its kind words and what binds to it. */
  static final class Draft {
    String kind;
    final int from;
    final int to;
    final int start;
    final int end;
    Site site = Site.UNKNOWN;
    Side side = Side.NONE;
    String location = "";
    final List<Measurement> sizes = new ArrayList<>();
    // where a size of this finding the speaker took back ends: the correction after it is its size
    int takenBackEnd = -1;
    String composition = "";
    final Map<String, String> features = new TreeMap<>();
    Change change = Change.NOT_STATED;
    Assertion assertion;
    int sentenceStart = -1;
    // the site came from a bare "lobe", which is the lung's only on a chest exam
    boolean bareLobe;
    // unplaced when the thyroid was named as its landmark: "posterior to the thyroid lobe"
    boolean outsideThyroid;

    Draft(String kind, int from, int to, int start, int end) {
      this.kind = kind;
      this.from = from;
      this.to = to;
      this.start = start;
      this.end = end;
    }
  }

  private void sentence(
      String text, int sStart, int sEnd, ExamContext exam, List<LesionFrame> out) {
    String sentence = text.substring(sStart, sEnd);
    List<Token> tokens = new ArrayList<>();
    for (Token t : Token.tokenize(sentence)) {
      tokens.add(new Token(t.norm(), t.start() + sStart, t.end() + sStart));
    }
    if (tokens.isEmpty()) {
      return;
    }
    List<ConText.Trigger> triggers = conText.triggers(tokens);
    List<Draft> drafts = new ArrayList<>();
    List<PhraseMatcher.Match<String>> kinds = KIND_WORDS.findAll(tokens);
    for (PhraseMatcher.Match<String> m : kinds) {
      if (m.value().equals("mass")
          && m.to() < tokens.size()
          && tokens.get(m.to()).norm().equals("effect")) {
        continue; // "without mass effect": a sign of the lesion, no mass of its own
      }
      Draft d =
          new Draft(
              m.value(),
              m.from(),
              m.to(),
              tokens.get(m.from()).start(),
              tokens.get(m.to() - 1).end());
      // residues of past disease are seen today; an opacity is seen whatever it is read as
      d.assertion =
          switch (m.value()) {
            case "granuloma", "scarring" ->
                ConText.residueAssertion(tokens, triggers, m.from(), m.to());
            case "opacity" -> ConText.signAssertion(tokens, triggers, m.from(), m.to());
            default -> ConText.assertion(triggers, m.from(), m.to());
          };
      drafts.add(d);
    }
    // "ground glass opacity nodule", "density mass": the last noun is the lesion, the first
    // describes it
    for (int i = drafts.size() - 1; i > 0; i--) {
      Draft head = drafts.get(i);
      Draft before = drafts.get(i - 1);
      if (before.to == head.from
          && (before.kind.equals("opacity") || before.kind.equals("lesion"))
          && (head.kind.equals("nodule") || head.kind.equals("mass"))) {
        Draft merged = new Draft(head.kind, before.from, head.to, before.start, head.end);
        merged.assertion = head.assertion;
        drafts.set(i, merged);
        drafts.remove(i - 1);
      }
    }
    // "a cyst with a mural nodule / wall thickening": its wall's nodule or thickening is the
    // cyst's feature
    int cystAt = -1;
    for (Draft d : drafts) {
      boolean cystic =
          d.kind.equals("cyst")
              || (d.kind.equals("lesion")
                  && d.from > 0
                  && tokens.get(d.from - 1).norm().equals("cystic"));
      if (cystic && cystAt < 0) {
        cystAt = d.to;
      }
    }
    if (cystAt >= 0) {
      int after = cystAt;
      drafts.removeIf(
          d ->
              (d.kind.equals("nodule") || d.kind.equals("thickening"))
                  && d.from >= after
                  && List.of("mural", "wall").contains(tokens.get(d.from - 1).norm()));
    }
    // calcifications described with a nodule or mass are its feature, not a lesion of their own
    if (drafts.size() > 1) {
      drafts.removeIf(
          d ->
              d.kind.equals("calcification")
                  && drafts.stream().anyMatch(o -> o != d && !o.kind.equals("calcification")));
    }
    // a sentence without a finding word describes the frame before it, when that one is near
    if (!drafts.isEmpty()
        && drafts.stream().allMatch(d -> d.kind.equals("calcification"))
        && !out.isEmpty()
        && out.get(out.size() - 1).fromText()
        && out.get(out.size() - 1).organ().equals("thyroid")) {
      drafts.clear(); // "Echogenic foci: peripheral rim calcification." describes the nodule before
    }
    boolean orphan = drafts.isEmpty();
    if (orphan && (out.isEmpty() || !out.get(out.size() - 1).fromText())) {
      Draft implied = impliedLesion(sentence, tokens);
      if (implied == null) {
        return;
      }
      drafts.add(implied); // "Right lobe: 1.5 cm solid, hypoechoic, wider than tall, smooth."
      orphan = false;
    } else if (orphan) {
      LesionFrame last = out.get(out.size() - 1);
      boolean adjacent =
          last.sentenceEnd() >= 0
              && last.sentenceEnd() <= sStart
              && text.substring(last.sentenceEnd(), sStart).isBlank();
      boolean elsewhere =
          !last.organ().isEmpty()
              && anatomy.sites(tokens).stream()
                  .anyMatch(h -> !h.value().site().organ().equals(last.organ()));
      if (!describes(sentence, tokens) || !adjacent || elsewhere || namesOtherStructure(sentence)) {
        return; // a size two sentences on, or of another organ, is not this lesion's
      }
      if (anatomy.heading(tokens) != Side.NONE) {
        // round 35 (sys16): "Left kidney: 11.4 cm." opens that side's heading with the organ's own
        // size; it does not describe (nor move to its side) the lesion of the sentence before
        return;
      }
      LesionFrame prev = out.remove(out.size() - 1);
      drafts.add(reopen(prev));
    }
    siteBinding.bindSites(tokens, drafts, orphan);
    siteBinding.organRightBefore(tokens, drafts);
    boneMatrix(tokens, drafts);
    couinaud(sentence, drafts);
    siteBinding.parathyroid(tokens, triggers, drafts);
    cerebralLobe(tokens, drafts, exam);
    prostateAnastomosis(tokens, drafts, exam);
    sizeBinding.bindSizes(text, sStart, sEnd, tokens, drafts);
    bindFeatures(tokens, triggers, drafts);
    bindChange(tokens, triggers, drafts);
    newAgainstPrior(tokens, drafts);
    juxtapleural(tokens, drafts);
    airway(tokens, drafts);
    for (Draft d : drafts) {
      focalOpacity(text, sentence, d);
      finish(d, exam);
      out.add(
          new LesionFrame(
              d.kind,
              d.site,
              d.side,
              d.location,
              d.sizes,
              d.composition,
              d.features,
              d.assertion,
              d.change,
              "dictation",
              d.start,
              d.end,
              orphan ? d.sentenceStart : sStart,
              sEnd));
    }
  }

  /** Whether a phrase is one of the finding words ("nodule", "renal stone"), not a feature. */
  public static boolean namesAFinding(String phrase) {
    List<Token> t = Token.tokenize(phrase);
    return !t.isEmpty() && KIND_WORDS.longestAt(t, 0) != null;
  }

  /**
   * A lesion described without its noun: a size and at least three feature groups of the lexicon
   * (composition, echogenicity, shape, margin, ...) make it a nodule at its first feature word.
   */
  private static Draft impliedLesion(String sentence, List<Token> tokens) {
    if (!SIZE.matcher(sentence).find()) {
      return null;
    }
    List<PhraseMatcher.Match<Feature>> features = FEATURE_WORDS.findAll(tokens);
    java.util.Set<String> groups = new java.util.HashSet<>();
    features.forEach(f -> groups.add(f.value().group()));
    if (groups.size() < 3) {
      return null;
    }
    PhraseMatcher.Match<Feature> first = features.get(0);
    Draft d =
        new Draft(
            "nodule",
            first.from(),
            first.to(),
            tokens.get(first.from()).start(),
            tokens.get(first.to() - 1).end());
    d.assertion = Assertion.PRESENT;
    return d;
  }

  /** A sentence without a finding word that still describes one: a size, a feature, a change. */
  private static boolean describes(String sentence, List<Token> tokens) {
    return SIZE.matcher(sentence).find()
        || !FEATURE_WORDS.findAll(tokens).isEmpty()
        || !CHANGE_WORDS.findAll(tokens).isEmpty();
  }

  private static Draft reopen(LesionFrame f) {
    Draft d = new Draft(f.kind(), Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2, f.start(), f.end());
    d.site = f.site();
    d.side = f.side();
    d.location = f.location();
    d.sizes.addAll(f.sizes());
    d.composition = f.composition();
    d.features.putAll(f.features());
    d.change = f.change();
    d.assertion = f.assertion();
    d.sentenceStart = f.sentenceStart();
    return d;
  }

  /**
   * The draft nearest tokens [from, to); a word before a finding binds to the one after it, and a
   * ';' or ':' between them (another clause) counts as far.
   */
  static Draft nearest(List<Token> tokens, List<Draft> drafts, int from, int to) {
    Draft best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Draft d : drafts) {
      int distance;
      if (d.from == Integer.MIN_VALUE / 2) {
        distance = 1000; // a reopened frame takes what nothing else in the sentence claims
      } else if (to <= d.from) {
        distance = d.from - to + breaks(tokens, to, d.from);
      } else if (from >= d.to) {
        distance = from - d.to + 1 + breaks(tokens, d.to, from);
      } else {
        distance = 0;
      }
      if (distance < bestDistance) {
        best = d;
        bestDistance = distance;
      }
    }
    return best;
  }

  static int breaks(List<Token> tokens, int from, int to) {
    int n = 0;
    for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
      String w = tokens.get(i).norm();
      n += w.equals(";") || w.equals(":") ? 100 : w.equals(",") ? 2 : 0;
    }
    return n;
  }

  /** Organ from context, change from prior sizes. */
  private static void finish(Draft d, ExamContext exam) {
    for (Measurement m : d.sizes) {
      if (m.role() == Measurement.Role.WALL && !d.features.containsKey("cyst_wall")) {
        // Lung-RADS v2022: a wall of 2 mm or more makes a thick-walled cyst
        d.features.put("cyst_wall", m.longMm() >= 2 ? "thick" : "thin");
      }
    }
    if (!d.site.known() && d.kind.equals("effusion") && jointExam(exam)) {
      d.site = Anatomy.JOINT; // an effusion on a knee MRI is the knee's
    }
    if (!d.site.known()) {
      Site implied = KIND_ORGAN.get(d.kind);
      if (implied != null) {
        d.site = implied;
      } else {
        d.site = fromFeatures(d, exam);
      }
      if (d.outsideThyroid && d.site == Anatomy.THYROID) {
        d.site = Site.UNKNOWN; // "separate from the thyroid": its ultrasound words place it nowhere
      }
    }
    if (d.site.organ().equals("lung")
        && (d.features.containsKey("zone") || exam.bodyPart().contains("PROSTATE"))) {
      d.site = Anatomy.PROSTATE; // "left apex peripheral zone lesion": the prostate's apex
    }
    if (d.bareLobe && d.site == Anatomy.LUNG && d.location.isEmpty() && abdominal(exam)) {
      d.site = Anatomy.LIVER; // "nodule in the left lobe" on an abdominal exam is a liver lobe
    }
    if (d.site == Anatomy.LUNG
        && (d.location.isEmpty() || d.bareLobe || POLE.matcher(d.location).find())
        && !d.outsideThyroid
        && thyroidExam(d, exam)) {
      // "left lobe nodule", "right lobe lower pole nodule" on a neck ultrasound: a thyroid lobe
      d.site = Anatomy.THYROID;
    }
    if (d.kind.equals("nodule")
        && d.site.organ().equals("pleura")
        && (d.features.getOrDefault("perifissural", "").equals("present")
            || d.features.getOrDefault("juxtapleural", "").equals("present"))) {
      d.site = Anatomy.LUNG; // a juxtapleural nodule "along the costal pleura" is a lung nodule
    }
    if (KIND_ORGAN.get(d.kind) == Anatomy.PLEURA && d.site.organ().equals("lung")) {
      d.site = Anatomy.PLEURA; // "effusion at the right lung base" is pleural
    }
    if (d.kind.equals("opacity")
        && (d.composition.equals("ground-glass") || d.composition.equals("part-solid"))
        && d.sizes.stream()
            .anyMatch(m -> m.role() == Measurement.Role.OVERALL && m.longMm() < 30)) {
      d.kind = "nodule"; // an 11 mm ground-glass opacity is a ground-glass nodule
    }
    Measurement overall = null;
    Measurement prior = null;
    for (Measurement m : d.sizes) {
      if (m.role() == Measurement.Role.OVERALL && overall == null) {
        overall = m;
      } else if (m.role() == Measurement.Role.PRIOR && prior == null) {
        prior = m;
      }
    }
    if (prior != null) {
      Change.Status s = d.change.status();
      if (s == Change.Status.NOT_STATED && overall != null) {
        double delta = overall.meanMm() - prior.meanMm();
        s =
            delta > 1.5
                ? Change.Status.GROWING
                : delta < -1.5 ? Change.Status.DECREASED : Change.Status.STABLE;
      }
      d.change =
          new Change(
              s,
              prior.meanMm(),
              d.change.start() >= 0 ? d.change.start() : prior.start(),
              d.change.end() >= 0 ? d.change.end() : prior.end());
    }
    if (d.change.status() == Change.Status.RESOLVED && !d.assertion.historical()) {
      d.assertion =
          new Assertion(
              d.assertion.negated(),
              d.assertion.possible(),
              true,
              d.assertion.hypothetical(),
              d.assertion.otherExperiencer());
    }
  }

  /** A sentence about a vessel or organ of its own ("The ascending aorta measures 4.6 cm."). */
  private static final Pattern OTHER_STRUCTURE =
      Pattern.compile(
          "^\\W*(?:the\\s+)?(?:(?:ascending|descending|thoracic|abdominal|main|proximal|distal)\\s+)?"
              + "(?:aort\\w*|pulmonary (?:arter\\w*|trunk|veins?)|heart|cardiac silhouette|trachea|"
              + "(?:o)?esophag\\w*|thymus|pericardi\\w*|svc|ivc|superior vena cava|inferior vena cava)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether a sentence opens with a vessel or organ of its own: its size is that structure's, not
   * the lesion's of the sentence before.
   */
  private static boolean namesOtherStructure(String sentence) {
    return OTHER_STRUCTURE.matcher(sentence).find();
  }
}
