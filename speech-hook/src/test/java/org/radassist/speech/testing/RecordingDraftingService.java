package org.radassist.speech.testing;

import java.util.ArrayList;
import java.util.List;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingService;
import org.radassist.model.ModelInfo;

/** A counting decorator around a real DraftingService: records every request and its key. */
public final class RecordingDraftingService implements DraftingService {
  /** One draft() call, recorded before the delegate starts (its events may come at once). */
  public static final class Sent {
    private final DraftRequest request;
    private final String idempotencyKey;
    private volatile DraftCall call;

    Sent(DraftRequest request, String idempotencyKey) {
      this.request = request;
      this.idempotencyKey = idempotencyKey;
    }

    public DraftRequest request() {
      return request;
    }

    public String idempotencyKey() {
      return idempotencyKey;
    }

    /** The call, once draft() has returned. */
    public DraftCall call() {
      return call;
    }

    @Override
    public String toString() {
      return idempotencyKey + " " + request.dictationText();
    }
  }

  private final DraftingService delegate;
  private final List<Sent> sent = new ArrayList<>();

  public RecordingDraftingService(DraftingService delegate) {
    this.delegate = delegate;
  }

  @Override
  public ModelInfo model() {
    return delegate.model();
  }

  @Override
  public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
    Sent record = new Sent(request, idempotencyKey);
    synchronized (this) {
      sent.add(record);
    }
    record.call = delegate.draft(request, idempotencyKey, listener);
    return record.call;
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  public synchronized int count() {
    return sent.size();
  }
}
