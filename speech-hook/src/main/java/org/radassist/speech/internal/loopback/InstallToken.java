package org.radassist.speech.internal.loopback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The per-install secret a speech engine presents as {@code Authorization: Bearer <token>}: 32
 * random bytes, base64url, in a file only the workstation user can read (0600). Made on first use,
 * read afterwards; a file that others could read is tightened back to 0600.
 */
public final class InstallToken {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private final byte[] token;

  private InstallToken(String token) {
    this.token = token.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads the token file, or creates it with a fresh token. */
  public static InstallToken loadOrCreate(Path file, SecureRandom random) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
      // a directory made for the token is the owner's alone; an existing one is left as it is
      org.radassist.model.files.OwnerOnlyFiles.createDirectories(file.getParent());
    }
    if (!Files.exists(file)) {
      byte[] raw = new byte[32];
      random.nextBytes(raw);
      String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      try {
        if (posix) {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
          Files.createFile(file);
        }
        Files.writeString(file, fresh + "\n", StandardCharsets.US_ASCII);
        return new InstallToken(fresh);
      } catch (FileAlreadyExistsException raced) {
        // another process made it first: read theirs
      }
    }
    if (posix && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
    String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
    if (stored.length() < 32) {
      throw new IOException(file + ": the loopback token is shorter than 32 characters");
    }
    return new InstallToken(stored);
  }

  /** Whether an Authorization header carries this token (compared in constant time). */
  public boolean admits(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(presented, token);
  }

  /** The token itself, for showing the speech engine's installer. */
  public String value() {
    return new String(token, StandardCharsets.US_ASCII);
  }
}
