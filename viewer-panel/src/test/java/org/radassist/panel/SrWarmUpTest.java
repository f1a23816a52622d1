package org.radassist.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The tool warms the SR importer up once it is built (the first SR read in a JVM is the slow one):
 * a real write and read of a one-finding TID 1500 SR, and nothing for another host's reader.
 */
class SrWarmUpTest {

  @Test
  void theImportersWarmUpReadsBackTheFindingItWrote() throws Exception {
    var view = SrDocumentReaders.warmUp(SrDocumentReaders.srImporter()).orElseThrow();

    assertThat(view.findings()).hasSize(1);
    assertThat(view.findings().get(0).trackingIdentifier()).isEqualTo("warm-up");
    assertThat(view.findings().get(0).type().meaning()).isEqualTo("Nodule");
  }

  @Test
  void anotherReaderIsLeftAlone() throws Exception {
    SrDocumentReader hostsOwn =
        instance -> {
          throw new AssertionError("a warm-up must not read through a host's reader");
        };

    assertThat(SrDocumentReaders.warmUp(hostsOwn)).isEmpty();
  }
}
