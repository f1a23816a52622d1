package org.radassist.drafting.service.internal;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.service.internal.http.ConnectionLimits;
import org.radassist.drafting.service.internal.llm.ChatApi;
import org.radassist.drafting.service.internal.llm.ChatBackendConfig;
import org.radassist.drafting.service.internal.llm.ChatDraftingService;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;

/**
 * {@code radassist serve}: runs one replica of the drafting service until SIGTERM/SIGINT. Bad
 * options print one line each on stderr and exit 1.
 */
public final class ServeCommand {
  static final String USAGE =
      """
      usage: radassist serve [options]
        --port N                   listen port (default 8080; 0 = any free port)
        --host ADDR                listen address (default 127.0.0.1)
        --token T                  accepted bearer token (repeatable; also $RADASSIST_TOKEN);
                                   without any token the service refuses non-loopback addresses
        --tls-keystore FILE        serve HTTPS with this PKCS12 keystore
        --tls-keystore-password P  its password (or $RADASSIST_TLS_KEYSTORE_PASSWORD)
        --allow-insecure-http      serve plain HTTP on a non-loopback --host (a lab only: tokens
                                   and dictations then cross the network in clear; warns loudly)
        --header-timeout-ms N      time a client has to send a request's head (default 10000)
        --body-timeout-ms N        time a client has to send a request's body (default 30000)
        --max-connections-per-address N
                                   open sockets one client address may hold (default 64)
        --store URL                jdbc:h2:file:PATH (default ~/.radassist/drafting-service/drafts)
                                   or jdbc:postgresql://HOST:PORT/DB?user=U&password=P
        --backend rules|openai|anthropic
                                   drafting backend (default rules, the embedded engine);
                                   openai: an OpenAI-compatible server (vLLM, llama.cpp, Ollama);
                                   anthropic: Anthropic's Messages API
        --llm-url URL              the model server's root (anthropic: default
                                   https://api.anthropic.com)
        --llm-model NAME           model name sent to it
        --llm-api-key KEY          its API key (or $RADASSIST_LLM_API_KEY)
        --llm-idle-timeout-ms N    stall limit between model chunks once the answer has
                                   started (default 20000)
        --llm-first-token-timeout-ms N
                                   longest wait for the answer's first token, prompt reading
                                   included (default 60000; a 7B model on CPU: 300000)
        --llm-max-tokens N         the answer's token budget, max_tokens (default 2048)
        --llm-context-tokens N     the model server's context per request (llama.cpp
                                   --ctx-size / --parallel); prompts that cannot fit with
                                   --llm-max-tokens are refused before they are sent
                                   (default 0 = unknown; truncation is still detected after)
        --llm-response-format json_schema|json_object
                                   how the answer's schema is sent (default json_schema;
                                   json_object for llama.cpp builds that ignore json_schema)
        --default-deadline-ms N    a draft's deadline when the client sends none (default 60000)
        --max-deadline-ms N        the longest deadline a client may ask for (default 300000)
        --heartbeat-ms N           ': ping' interval on idle streams (default 15000)
        --max-body-bytes N         request body limit (default 262144)
        --max-dictation-chars N    dictation limit (default 20000)
        --rate-limit N             requests per second per client (default 20; 0 = off)
        --rate-burst N             burst per client (default 40)
        --templates DIR            IHE MRRT templates (*.html) whose ids requests may name
        --replica-id ID            name of this replica in the idempotency table
      """;

  static final String ANTHROPIC_API = "https://api.anthropic.com";
  private static final System.Logger LOG = System.getLogger(ServeCommand.class.getName());

  private ServeCommand() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code >= 0) {
      System.exit(code);
    }
  }

  /** Runs the command; returns an exit code, or -1 after a clean shutdown of a running server. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options o;
    try {
      o = Options.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      err.println("radassist serve: " + e.getMessage());
      return 1;
    }
    if (o == null) {
      out.print(USAGE);
      return 0;
    }
    List<String> problems = o.check();
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("radassist serve: " + p));
      return 1;
    }
    if (o.plainHttpBeyondLoopback()) {
      String warning =
          "WARNING: serving plain HTTP on --host "
              + o.config.host()
              + " (--allow-insecure-http): bearer tokens and dictations cross the network in"
              + " clear; configure --tls-keystore for anything but a lab";
      err.println("radassist serve: " + warning);
      err.flush();
      LOG.log(System.Logger.Level.WARNING, warning);
    }
    JdbcDraftStore store;
    try {
      store = new JdbcDraftStore(o.store, 16);
    } catch (Exception e) {
      err.println(
          "radassist serve: --store " + JdbcDraftStoreUrls.redact(o.store) + ": " + e.getMessage());
      return 1;
    }
    DraftingService rules;
    try {
      rules = RulesBackend.create(o.templatesDir);
    } catch (RuntimeException e) {
      err.println("radassist serve: the embedded rules engine is not available: " + e.getMessage());
      store.close();
      return 1;
    }
    DraftingService backend = rules;
    if (!o.backend.equals("rules")) {
      ChatBackendConfig c =
          ChatBackendConfig.of(URI.create(o.llmUrl), o.llmModel, o.llmApiKey)
              .withTimeouts(Duration.ofMillis(o.llmIdleTimeoutMs), Duration.ofSeconds(8))
              .withFirstTokenTimeout(Duration.ofMillis(o.llmFirstTokenTimeoutMs))
              .withTokens(o.llmMaxTokens, o.llmContextTokens)
              .withResponseFormat(o.llmResponseFormat)
              .withApi(
                  o.backend.equals("anthropic")
                      ? ChatApi.ANTHROPIC_MESSAGES
                      : ChatApi.OPENAI_CHAT_COMPLETIONS);
      backend = new ChatDraftingService(c, rules);
    }
    DraftingServer server;
    try {
      server = new DraftingServer(o.config, backend, store).start();
    } catch (Exception e) {
      err.println(
          "radassist serve: cannot listen on "
              + o.config.host()
              + ":"
              + o.config.port()
              + ": "
              + rootMessage(e));
      store.close();
      return 1;
    }
    out.println(
        "radassist serve: listening on "
            + server.baseUri()
            + " (backend "
            + backend.model().name()
            + ", store "
            + store.description()
            + (o.config.tokens().isEmpty() ? ", NO authentication: loopback only" : "")
            + ")");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    DraftingService b = backend;
    DraftingService r = rules;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  if (r instanceof AutoCloseable rc && r != b) {
                    try {
                      rc.close();
                    } catch (Exception ignored) {
                      // shutting down
                    }
                  }
                  if (b instanceof AutoCloseable ac) {
                    try {
                      ac.close();
                    } catch (Exception ignored) {
                      // shutting down
                    }
                  }
                  store.close();
                  stopped.countDown();
                }));
    try {
      server.join();
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /** Parsed command line. */
  static final class Options {
    ServiceConfig config = ServiceConfig.defaults();
    String store =
        "jdbc:h2:file:"
            + Path.of(System.getProperty("user.home"), ".radassist", "drafting-service", "drafts");
    String backend = "rules";
    String llmUrl;
    String llmModel;
    String llmApiKey;
    long llmIdleTimeoutMs = 20_000;
    long llmFirstTokenTimeoutMs = 60_000;
    int llmMaxTokens = ChatBackendConfig.DEFAULT_MAX_TOKENS;
    int llmContextTokens = 0;
    ChatBackendConfig.ResponseFormat llmResponseFormat =
        ChatBackendConfig.ResponseFormat.JSON_SCHEMA;
    Path templatesDir;
    boolean allowInsecureHttp;
    final List<String> problems = new ArrayList<>();

    /** Null means --help. */
    static Options parse(String[] args, Map<String, String> env) {
      Options o = new Options();
      List<String> tokens = new ArrayList<>();
      if (env.get("RADASSIST_TOKEN") != null && !env.get("RADASSIST_TOKEN").isBlank()) {
        tokens.add(env.get("RADASSIST_TOKEN").trim());
      }
      String ksPassword = env.get("RADASSIST_TLS_KEYSTORE_PASSWORD");
      Path keystore = null;
      o.llmApiKey = env.get("RADASSIST_LLM_API_KEY");
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("-h") || a.equals("--help")) {
          return null;
        }
        if (!a.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument '" + a + "' (see --help)");
        }
        if (a.equals("--allow-insecure-http")) {
          o.allowInsecureHttp = true; // a flag: takes no value
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--port" -> o.config = o.config.withPort(intIn(a, v, 0, 65535));
          case "--host" -> o.config = o.config.withHost(v);
          case "--token" -> {
            if (v.isBlank()) {
              throw new IllegalArgumentException("--token must not be empty");
            }
            tokens.add(v);
          }
          case "--tls-keystore" -> keystore = Path.of(v);
          case "--tls-keystore-password" -> ksPassword = v;
          case "--store" -> o.store = v;
          case "--backend" -> o.backend = v.toLowerCase(Locale.ROOT);
          case "--llm-url" -> o.llmUrl = v;
          case "--llm-model" -> o.llmModel = v;
          case "--llm-api-key" -> o.llmApiKey = v;
          case "--llm-idle-timeout-ms" -> o.llmIdleTimeoutMs = intIn(a, v, 100, 600_000);
          case "--llm-first-token-timeout-ms" ->
              o.llmFirstTokenTimeoutMs = intIn(a, v, 100, 1_800_000);
          case "--llm-max-tokens" -> o.llmMaxTokens = intIn(a, v, 16, 1_000_000);
          case "--llm-context-tokens" -> o.llmContextTokens = intIn(a, v, 0, 10_000_000);
          case "--llm-response-format" -> {
            switch (v.trim().toLowerCase(Locale.ROOT)) {
              case "json_schema" ->
                  o.llmResponseFormat = ChatBackendConfig.ResponseFormat.JSON_SCHEMA;
              case "json_object" ->
                  o.llmResponseFormat = ChatBackendConfig.ResponseFormat.JSON_OBJECT;
              default ->
                  throw new IllegalArgumentException(
                      "--llm-response-format " + v + ": use json_schema or json_object");
            }
          }
          case "--default-deadline-ms" ->
              o.config =
                  o.config.withDeadlines(
                      Duration.ofMillis(intIn(a, v, 100, 3_600_000)), o.config.maxDeadline());
          case "--max-deadline-ms" ->
              o.config =
                  o.config.withDeadlines(
                      o.config.defaultDeadline(), Duration.ofMillis(intIn(a, v, 100, 3_600_000)));
          case "--heartbeat-ms" ->
              o.config = o.config.withHeartbeat(Duration.ofMillis(intIn(a, v, 10, 600_000)));
          case "--max-body-bytes" ->
              o.config =
                  o.config.withLimits(intIn(a, v, 1024, 64 << 20), o.config.maxDictationChars());
          case "--max-dictation-chars" ->
              o.config = o.config.withLimits(o.config.maxBodyBytes(), intIn(a, v, 1, 10_000_000));
          case "--rate-limit" ->
              o.config = o.config.withRateLimit(intIn(a, v, 0, 1_000_000), o.config.rateBurst());
          case "--rate-burst" ->
              o.config =
                  o.config.withRateLimit(o.config.ratePerSecond(), intIn(a, v, 1, 1_000_000));
          case "--templates" -> o.templatesDir = Path.of(v);
          case "--replica-id" -> o.config = o.config.withReplicaId(v);
          case "--header-timeout-ms" -> {
            ConnectionLimits l = o.config.connectionLimits();
            o.config =
                o.config.withConnectionLimits(
                    new ConnectionLimits(
                        Duration.ofMillis(intIn(a, v, 100, 600_000)),
                        l.bodyTimeout(),
                        l.maxPerAddress()));
          }
          case "--body-timeout-ms" -> {
            ConnectionLimits l = o.config.connectionLimits();
            o.config =
                o.config.withConnectionLimits(
                    new ConnectionLimits(
                        l.headerTimeout(),
                        Duration.ofMillis(intIn(a, v, 100, 3_600_000)),
                        l.maxPerAddress()));
          }
          case "--max-connections-per-address" -> {
            ConnectionLimits l = o.config.connectionLimits();
            o.config =
                o.config.withConnectionLimits(
                    new ConnectionLimits(
                        l.headerTimeout(), l.bodyTimeout(), intIn(a, v, 1, 100_000)));
          }
          default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
        }
      }
      o.config = o.config.withTokens(tokens);
      if (keystore != null) {
        o.config = o.config.withTls(keystore, ksPassword);
      }
      return o;
    }

    /** Problems that need the whole command line to see; each one line. */
    List<String> check() {
      List<String> p = new ArrayList<>(problems);
      if (config.tokens().isEmpty() && !isLoopback(config.host())) {
        p.add(
            "--host "
                + config.host()
                + " without --token: refusing to serve drafts unauthenticated beyond loopback");
      }
      if (config.keystore() == null && !isLoopback(config.host()) && !allowInsecureHttp) {
        p.add(
            "--host "
                + config.host()
                + " without --tls-keystore: refusing plain HTTP beyond loopback (tokens and"
                + " dictations would cross the network in clear); give --tls-keystore, or"
                + " --allow-insecure-http for a lab");
      }
      if (config.keystore() != null) {
        if (!Files.isReadable(config.keystore())) {
          p.add("--tls-keystore " + config.keystore() + ": no such readable file");
        }
        if (config.keystorePassword() == null) {
          p.add("--tls-keystore needs --tls-keystore-password or $RADASSIST_TLS_KEYSTORE_PASSWORD");
        }
      }
      if (!List.of("rules", "openai", "anthropic").contains(backend)) {
        p.add("--backend " + backend + ": use rules, openai or anthropic");
      }
      if (backend.equals("anthropic") && llmUrl == null) {
        llmUrl = ANTHROPIC_API;
      }
      if (backend.equals("openai") || backend.equals("anthropic")) {
        if (llmUrl == null) {
          p.add("--backend openai needs --llm-url (e.g. http://127.0.0.1:8000)");
        } else {
          try {
            URI u = URI.create(llmUrl);
            if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
              p.add("--llm-url " + llmUrl + ": not an http(s) URL");
            }
          } catch (IllegalArgumentException e) {
            p.add("--llm-url " + llmUrl + ": not a URL");
          }
        }
        if (llmModel == null) {
          p.add("--backend " + backend + " needs --llm-model");
        }
      }
      if (config.defaultDeadline().compareTo(config.maxDeadline()) > 0) {
        p.add(
            "--default-deadline-ms "
                + config.defaultDeadline().toMillis()
                + " is longer than --max-deadline-ms "
                + config.maxDeadline().toMillis());
      }
      if (llmContextTokens > 0 && llmMaxTokens >= llmContextTokens) {
        p.add(
            "--llm-max-tokens "
                + llmMaxTokens
                + " leaves no room for the prompt in --llm-context-tokens "
                + llmContextTokens);
      }
      if (!store.startsWith("jdbc:h2:") && !store.startsWith("jdbc:postgresql:")) {
        p.add(
            "--store "
                + JdbcDraftStoreUrls.redact(store)
                + ": use jdbc:h2:... or jdbc:postgresql://...");
      }
      if (templatesDir != null) {
        try {
          config = config.withTemplates(TemplateCatalog.load(templatesDir));
        } catch (Exception e) {
          p.add("--templates " + templatesDir + ": cannot read (" + e.getMessage() + ")");
        }
      }
      return p;
    }

    /** Plain HTTP on an address other hosts reach, allowed by --allow-insecure-http. */
    boolean plainHttpBeyondLoopback() {
      return config.keystore() == null && !isLoopback(config.host());
    }

    private static boolean isLoopback(String host) {
      return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private static int intIn(String option, String v, int min, int max) {
      try {
        int n = Integer.parseInt(v.trim());
        if (n < min || n > max) {
          throw new IllegalArgumentException(
              option + " " + v + ": must be between " + min + " and " + max);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " " + v + ": not a whole number");
      }
    }
  }
}
