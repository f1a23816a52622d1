package org.radassist.model;

/** Which engine or model made a draft (e.g. "radassist-rules 0.1.0", "llama-3.1-8b"). */
public record ModelInfo(String name, String version, String provider) {
  public ModelInfo {
    Checks.requireText(name, "name");
    version = version == null ? "" : version;
    provider = provider == null ? "" : provider;
  }
}
