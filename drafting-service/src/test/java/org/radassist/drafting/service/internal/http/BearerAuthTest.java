package org.radassist.drafting.service.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BearerAuthTest {
  private final BearerAuth auth = new BearerAuth(List.of("s3cret", "other"));

  @Test
  void aKnownTokenNamesTheClientByADigestNeverByTheToken() {
    String client = auth.authenticate("Bearer s3cret", "127.0.0.1");
    assertThat(client).startsWith("tok:").doesNotContain("s3cret");
    assertThat(auth.authenticate("bearer  s3cret ", "127.0.0.2")).isEqualTo(client);
    assertThat(auth.authenticate("Bearer other", "127.0.0.1")).isNotEqualTo(client);
  }

  @Test
  void aMissingHeaderIs401WithABearerChallenge() {
    assertThatThrownBy(() -> auth.authenticate(null, "127.0.0.1"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(401);
              assertThat(e.problem().headers().get("WWW-Authenticate")).startsWith("Bearer");
            });
  }

  @Test
  void aWrongTokenOrSchemeIs401InvalidToken() {
    assertThatThrownBy(() -> auth.authenticate("Bearer nope", "127.0.0.1"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().slug()).isEqualTo("invalid-token");
              assertThat(e.problem().headers().get("WWW-Authenticate"))
                  .contains("error=\"invalid_token\"");
            });
    assertThatThrownBy(() -> auth.authenticate("Basic czNjcmV0", "127.0.0.1"))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
  }

  @Test
  void withoutTokensClientsAreKnownByAddress() {
    BearerAuth off = new BearerAuth(List.of());
    assertThat(off.enabled()).isFalse();
    assertThat(off.authenticate(null, "127.0.0.9")).isEqualTo("ip:127.0.0.9");
  }
}
