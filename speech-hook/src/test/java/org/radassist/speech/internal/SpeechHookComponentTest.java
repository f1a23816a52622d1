package org.radassist.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftEvent;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.DictationSink;
import org.radassist.speech.DictationSource;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;
import org.radassist.speech.internal.loopback.LoopbackIntakeComponent;

/**
 * The speech hook and its loopback intake as DS creates them: typed configuration, files in
 * RadAssist's data directory, dictation sources started off the activation thread, the loopback
 * listener only once a study is open.
 */
class SpeechHookComponentTest {
  @TempDir Path data;

  private static final StudyDictationListener IGNORED =
      new StudyDictationListener() {
        @Override
        public void onSegment(DictationSegment segment) {}

        @Override
        public void onDraftEvent(DraftEvent event) {}

        @Override
        public void onStatus(SessionStatus status) {}
      };

  private SpeechHookComponent hook(Map<String, Object> values) throws IOException {
    return new SpeechHookComponent(
        TypedConfigs.framework(Map.of("radassist.data.dir", data.toString())),
        TypedConfigs.of(SpeechHookComponent.Config.class, values));
  }

  private LoopbackIntakeComponent loopback() throws IOException {
    return new LoopbackIntakeComponent(
        TypedConfigs.framework(Map.of("radassist.data.dir", data.toString())),
        TypedConfigs.of(LoopbackIntakeComponent.Config.class, Map.of("port", 0)));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as("within 20 s").isTrue();
  }

  @Test
  void itsFilesAreInTheDataDirectoryUnlessConfiguredAndARelativePathStaysThere() throws Exception {
    SpeechHookComponent byDefault = hook(Map.of());
    byDefault.deactivate();
    assertThat(data.resolve("outbox")).isDirectory();

    SpeechHookComponent relative = hook(Map.of("outbox_dir", "spool/dictation"));
    relative.deactivate();
    assertThat(data.resolve("spool/dictation")).isDirectory();

    LoopbackIntakeComponent intake = loopback();
    assertThat(data.resolve("loopback.token")).doesNotExist(); // made when started, not activated
    intake.start(segment -> {});
    intake.close();
    assertThat(data.resolve("loopback.token")).isRegularFile();
    assertThat(Files.readString(data.resolve("loopback.token")).strip()).isNotEmpty();
  }

  @Test
  void anOutboxThatCannotBeOpenedLeavesTheHookUpAndEveryStudysDictationNotDurable()
      throws Exception {
    Files.writeString(data.resolve("blocked"), "a file where the outbox directory should be");
    SpeechHookComponent hook = hook(Map.of("outbox_dir", "blocked/outbox"));
    java.util.concurrent.CompletableFuture<SessionStatus> first =
        new java.util.concurrent.CompletableFuture<>();
    try (StudyDictation study =
        hook.open(
            StudyContext.ofStudy("1.2.826.0.1.3680043.8.498.79"),
            List::of,
            new StudyDictationListener() {
              @Override
              public void onSegment(DictationSegment segment) {}

              @Override
              public void onDraftEvent(DraftEvent event) {}

              @Override
              public void onStatus(SessionStatus status) {
                if (status.state() != SessionStatus.State.IDLE) {
                  first.complete(status);
                }
              }
            })) {
      SessionStatus status = first.get(20, TimeUnit.SECONDS);
      assertThat(status.state()).isEqualTo(SessionStatus.State.NOT_DURABLE);
      assertThat(status.message()).contains("blocked/outbox").contains("is not open");
    } finally {
      hook.deactivate();
    }
  }

  @Test
  void theLoopbackIntakeListensOnceTheFirstStudyOpensAndStopsWhenItsServiceGoes() throws Exception {
    SpeechHookComponent hook = hook(Map.of());
    LoopbackIntakeComponent intake = loopback();
    try {
      // as SCR binds it: with the component's service properties
      hook.addDictationSource(
          intake, Map.of(SpeechHookComponent.START, SpeechHookComponent.ON_FIRST_STUDY));
      Thread.sleep(300);
      assertThat(hook.sources()).containsExactly("panel"); // no listener before a study is open
      assertThat(data.resolve("loopback.token")).doesNotExist();

      try (StudyDictation study =
          hook.open(StudyContext.ofStudy("1.2.826.0.1.3680043.8.498.77"), List::of, IGNORED)) {
        await(() -> hook.sources().contains("loopback"));
        int port = intake.port();
        assertThat(port).isPositive();
        connect(port);

        hook.removeDictationSource(intake);
        assertThat(hook.sources()).containsExactly("panel");
        assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);
      }
    } finally {
      intake.close();
      hook.deactivate();
    }
  }

  @Test
  void aSourceBoundAfterTheFirstStudyStartsAtOnce() throws Exception {
    SpeechHookComponent hook = hook(Map.of());
    LoopbackIntakeComponent intake = loopback();
    try (StudyDictation study =
        hook.open(StudyContext.ofStudy("1.2.826.0.1.3680043.8.498.78"), List::of, IGNORED)) {
      hook.addDictationSource(
          intake, Map.of(SpeechHookComponent.START, SpeechHookComponent.ON_FIRST_STUDY));
      await(() -> hook.sources().contains("loopback"));
      connect(intake.port());
    } finally {
      intake.close();
      hook.deactivate();
    }
  }

  @Test
  void aSlowSourceNeitherHoldsUpTheBindingNorOutlivesItsUnbinding() throws Exception {
    SpeechHookComponent hook = hook(Map.of());
    SlowSource slow = new SlowSource();
    try {
      long t0 = System.nanoTime();
      hook.addDictationSource(
          slow, Map.of()); // SCR's thread: returns while the source still starts
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1_000);
      assertThat(slow.starting.await(20, TimeUnit.SECONDS)).isTrue();

      // unbound while it starts: the unbinding waits for the start, then stops the source
      CompletableFuture<Void> unbinding =
          CompletableFuture.runAsync(() -> hook.removeDictationSource(slow));
      Thread.sleep(100);
      assertThat(unbinding).isNotDone();
      slow.proceed.countDown();
      unbinding.get(20, TimeUnit.SECONDS);
      assertThat(slow.closed).isTrue();
      assertThat(hook.sources()).containsExactly("panel");
    } finally {
      slow.proceed.countDown();
      hook.deactivate();
    }
  }

  @Test
  void aSourceUnboundBeforeItsTurnIsNeverStarted() throws Exception {
    SpeechHookComponent hook = hook(Map.of());
    SlowSource first = new SlowSource();
    SlowSource second = new SlowSource();
    try {
      hook.addDictationSource(first, Map.of());
      assertThat(first.starting.await(20, TimeUnit.SECONDS)).isTrue();
      hook.addDictationSource(second, Map.of()); // waits behind the first
      hook.removeDictationSource(second);
      first.proceed.countDown();
      await(() -> hook.sources().contains("slow"));
      Thread.sleep(100);
      assertThat(second.starting.getCount()).isEqualTo(1);
    } finally {
      first.proceed.countDown();
      second.proceed.countDown();
      hook.deactivate();
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
    }
  }

  /** A source whose start takes as long as the test wants (a listener slow to come up). */
  private static final class SlowSource implements DictationSource {
    final CountDownLatch starting = new CountDownLatch(1);
    final CountDownLatch proceed = new CountDownLatch(1);
    volatile boolean closed;

    @Override
    public String name() {
      return "slow";
    }

    @Override
    public void start(DictationSink sink) throws IOException {
      starting.countDown();
      try {
        proceed.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
