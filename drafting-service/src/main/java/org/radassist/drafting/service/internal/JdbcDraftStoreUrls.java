package org.radassist.drafting.service.internal;

/** Store URLs as they may be shown: without user or password. */
final class JdbcDraftStoreUrls {
  private JdbcDraftStoreUrls() {}

  static String redact(String url) {
    return url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
  }
}
