package org.radassist.speech.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The raw flush latency of a directory's disk, outside any RadAssist code: what the outbox's
 * durability costs at least on this machine.
 */
final class DiskFlush {
  private DiskFlush() {}

  /**
   * {@code n} times each: a 1 KB overwrite of a preallocated file + {@code force(false)} (what the
   * outbox does per item and per acknowledgement), and a new 1 KB file + {@code force(true)} + a
   * directory force (the one-file-per-item pattern). Returns the nanos of each, in that order.
   */
  static long[][] measure(Path dir, int n) throws IOException {
    Path probe = Files.createTempDirectory(Files.createDirectories(dir), "disk-probe");
    long[] overwrite = new long[n];
    long[] newFile = new long[n];
    byte[] kb = new byte[1024];
    Path pre = probe.resolve("preallocated");
    try (FileChannel ch =
        FileChannel.open(pre, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[4096]));
      ch.force(true);
      for (int i = 0; i < n; i++) {
        kb[0] = (byte) i;
        long t0 = System.nanoTime();
        ch.write(ByteBuffer.wrap(kb), 0);
        ch.force(false);
        overwrite[i] = System.nanoTime() - t0;
      }
    }
    for (int i = 0; i < n; i++) {
      Path f = probe.resolve("f" + i);
      long t0 = System.nanoTime();
      try (FileChannel nf =
          FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        nf.write(ByteBuffer.wrap(kb));
        nf.force(true);
      }
      try (FileChannel d = FileChannel.open(probe, StandardOpenOption.READ)) {
        d.force(true);
      }
      newFile[i] = System.nanoTime() - t0;
      Files.delete(f);
    }
    Files.delete(pre);
    Files.delete(probe);
    return new long[][] {overwrite, newFile};
  }
}
