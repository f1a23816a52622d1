package org.radassist.sr.internal.view;

import org.radassist.sr.ContentItem;

/**
 * Concept codes the template views look for (PS3.16), with SRT/SCT equivalents where both occur.
 */
final class Codes {
  private Codes() {}

  static boolean is(ContentItem i, String code, String scheme) {
    return i.hasConcept(code, scheme);
  }

  static boolean findingSite(ContentItem i) {
    return is(i, "363698007", "SCT") || is(i, "G-C0E3", "SRT");
  }

  static boolean laterality(ContentItem i) {
    return is(i, "272741003", "SCT") || is(i, "G-C171", "SRT");
  }

  static boolean finding(ContentItem i) {
    return is(i, "121071", "DCM");
  }

  static boolean trackingIdentifier(ContentItem i) {
    return is(i, "112039", "DCM");
  }

  static boolean trackingUid(ContentItem i) {
    return is(i, "112040", "DCM");
  }

  static boolean algorithmName(ContentItem i) {
    return is(i, "111001", "DCM");
  }

  static boolean algorithmVersion(ContentItem i) {
    return is(i, "111003", "DCM");
  }

  static boolean algorithmParameters(ContentItem i) {
    return is(i, "111002", "DCM");
  }

  static boolean certainty(ContentItem i) {
    return is(i, "111012", "DCM");
  }

  static boolean renderingIntent(ContentItem i) {
    return is(i, "111056", "DCM");
  }

  static boolean cadFinding(ContentItem i) {
    return is(i, "111059", "DCM") || is(i, "111015", "DCM");
  }

  /** TID 1502 Time Point (C2348792, UMLS) or Subject Time Point Identifier (126070, DCM). */
  static boolean timePoint(ContentItem i) {
    return is(i, "C2348792", "UMLS") || is(i, "126070", "DCM");
  }

  static boolean measurementGroup(ContentItem i) {
    return is(i, "125007", "DCM");
  }

  static boolean keyObjectDescription(ContentItem i) {
    return is(i, "113012", "DCM");
  }
}
