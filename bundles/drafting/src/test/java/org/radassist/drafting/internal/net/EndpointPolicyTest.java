package org.radassist.drafting.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.drafting.remote.RemoteDraftingService;

/** Dictations go over https://, or plain http:// to this machine only; tokens never in clear. */
class EndpointPolicyTest {

  @Test
  void httpsAnywhereAndPlainHttpOnLoopbackSendTheToken() {
    assertThat(EndpointPolicy.sendToken(URI.create("https://drafting.example.org"), false))
        .isTrue();
    assertThat(EndpointPolicy.sendToken(URI.create("http://127.0.0.1:8080"), false)).isTrue();
    assertThat(EndpointPolicy.sendToken(URI.create("http://localhost:8080"), false)).isTrue();
    assertThat(EndpointPolicy.sendToken(URI.create("http://[::1]:8080"), false)).isTrue();
  }

  @Test
  void plainHttpToAnotherMachineIsRefusedNamingTheUrl() {
    assertThatThrownBy(() -> EndpointPolicy.sendToken(URI.create("http://10.1.2.3:8080"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://10.1.2.3:8080")
        .hasMessageContaining("use https://")
        .hasMessageContaining("--allow-plain-http");
    // a name is not resolved to decide: it may point anywhere
    assertThatThrownBy(() -> EndpointPolicy.sendToken(URI.create("http://drafting.lan"), false))
        .hasMessageContaining("http://drafting.lan");
    assertThatThrownBy(() -> EndpointPolicy.sendToken(URI.create("ftp://127.0.0.1"), false))
        .hasMessageContaining("ftp://127.0.0.1");
  }

  @Test
  void aLabsOverrideAllowsPlainHttpButNeverTheTokenInClear() {
    assertThat(EndpointPolicy.sendToken(URI.create("http://10.1.2.3:8080"), true)).isFalse();
  }

  @Test
  void theRemoteClientRefusesPlainHttpToAnotherMachine() {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThatThrownBy(
              () ->
                  RemoteDraftingService.create(
                      RemoteConfig.defaults(URI.create("http://192.0.2.10:8080"), "secret"),
                      new OkHttpClient(),
                      scheduler,
                      new Random(),
                      Clock.systemUTC()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("http://192.0.2.10:8080");
    } finally {
      scheduler.shutdownNow();
    }
  }
}
