package org.radassist.panel;

import org.radassist.host.LoadedInstance;

/**
 * Reads one SR instance the host has loaded into what the panel shows. The SR importer provides the
 * real one; the panel calls it on a background thread and shows a failure in the document's place
 * while the rest of the panel keeps working.
 */
@FunctionalInterface
public interface SrDocumentReader {
  /**
   * @throws Exception when the document cannot be read; its message is shown to the radiologist
   */
  SrDocumentView read(LoadedInstance instance) throws Exception;
}
