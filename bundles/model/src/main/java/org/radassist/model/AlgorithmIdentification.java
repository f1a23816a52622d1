package org.radassist.model;

import java.util.List;

/** TID 4019 Algorithm Identification: which algorithm, which version, with which parameters. */
public record AlgorithmIdentification(String name, String version, List<String> parameters) {
  public AlgorithmIdentification {
    Checks.requireText(name, "name");
    version = version == null ? "" : version;
    parameters = Checks.copy(parameters, "parameters");
  }

  @Override
  public String toString() {
    return version.isEmpty() ? name : name + " " + version;
  }
}
