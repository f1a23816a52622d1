package org.radassist.drafting.internal.engine.frames;

/**
 * An anatomic site normalised to RadLex and SNOMED CT ("left kidney", "left renal" and "L kidney"
 * are one site: organ kidney, side left). Lobes of the lung are sites of their own.
 *
 * @param key a stable key of the site ("lung", "lung.right_upper_lobe", "kidney")
 * @param name display name ("right upper lobe")
 * @param radlex RadLex id ("RID1303"), or "" when none is recorded here
 * @param snomed SNOMED CT concept id ("45653009"), or "" when none is recorded here
 * @param organ the organ key the site belongs to ("lung" for a lobe)
 */
public record Site(String key, String name, String radlex, String snomed, String organ) {
  public static final Site UNKNOWN = new Site("", "", "", "", "");

  public boolean known() {
    return !key.isEmpty();
  }
}
