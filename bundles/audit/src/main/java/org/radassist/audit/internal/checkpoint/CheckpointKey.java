package org.radassist.audit.internal.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.radassist.model.files.OwnerOnlyFiles;

/**
 * The installation's checkpoint signing key: Ed25519 (RFC 8032, in the JDK), kept beside the trail
 * as {@code .checkpoint-key} (PKCS#8 PEM, {@code 0600}) with its public half in {@code
 * checkpoint-key.pub} (X.509 SubjectPublicKeyInfo PEM; {@code openssl pkey -pubin} reads it).
 */
public final class CheckpointKey {
  public static final String PRIVATE_FILE = ".checkpoint-key";
  public static final String PUBLIC_FILE = "checkpoint-key.pub";
  private static final String ALGORITHM = "Ed25519";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final boolean created;

  private CheckpointKey(PrivateKey privateKey, PublicKey publicKey, boolean created) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.created = created;
  }

  /** Reads the directory's key, or creates one when there is none. */
  public static CheckpointKey loadOrCreate(Path directory) throws IOException {
    Path privateFile = directory.resolve(PRIVATE_FILE);
    Path publicFile = directory.resolve(PUBLIC_FILE);
    try {
      if (Files.exists(privateFile)) {
        if (!Files.exists(publicFile)) {
          throw new IOException(
              publicFile + " is missing although " + privateFile + " exists; restore it");
        }
        OwnerOnlyFiles.restrict(privateFile);
        PrivateKey key =
            KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(new PKCS8EncodedKeySpec(pem(privateFile, "PRIVATE KEY")));
        return new CheckpointKey(key, readPublic(publicFile), false);
      }
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      OwnerOnlyFiles.writeString(privateFile, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      OwnerOnlyFiles.writeString(publicFile, toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
      return new CheckpointKey(pair.getPrivate(), pair.getPublic(), true);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException(privateFile + ": not an Ed25519 key (" + e.getMessage() + ")", e);
    }
  }

  /** Reads a public key file ({@code checkpoint-key.pub}). */
  public static PublicKey readPublic(Path file) throws IOException {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(pem(file, "PUBLIC KEY")));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException(file + ": not an Ed25519 public key (" + e.getMessage() + ")", e);
    }
  }

  /** Whether this call made the key (there was none before). */
  public boolean created() {
    return created;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public String id() {
    return id(publicKey);
  }

  /** SHA-256 (hex) of the key's SubjectPublicKeyInfo: what checkpoints name as {@code key_id}. */
  public static String id(PublicKey key) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  public byte[] sign(byte[] statement) {
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(privateKey);
      signer.update(statement);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code statement}. */
  public static boolean verify(PublicKey key, byte[] statement, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(statement);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] pem(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("no " + type + " PEM block");
    }
    return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
  }

  private static String toPem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
