package org.radassist.sr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An SR document: the header attributes a viewer needs, the content tree, and the problems found
 * while reading it. {@link #partial()} is true when an ERROR problem means the tree may be
 * incomplete or wrong (truncated file, items beyond the caps, missing required attributes).
 *
 * @param source what was read (a file name or URL), for messages
 * @param itemCount content items in the tree, by-reference items and the root included (the number
 *     dsrdump prints lines for)
 * @param evidence instances listed in the Current Requested Procedure and Pertinent Other Evidence
 *     sequences
 */
public record SrDocument(
    String source,
    SrIod iod,
    String sopClassUid,
    String sopInstanceUid,
    String studyInstanceUid,
    String seriesInstanceUid,
    String patientName,
    String patientId,
    String modality,
    String manufacturer,
    String specificCharacterSet,
    String contentDate,
    String contentTime,
    String completionFlag,
    String verificationFlag,
    String preliminaryFlag,
    String templateId,
    List<Observer> verifyingObservers,
    List<EvidenceReference> evidence,
    ContentItem root,
    int itemCount,
    List<Problem> problems) {

  /** A verifying observer: name, organization and date-time of verification. */
  public record Observer(String name, String organization, String dateTime) {}

  /** One referenced instance of the evidence sequences. */
  public record EvidenceReference(
      String studyInstanceUid,
      String seriesInstanceUid,
      String sopClassUid,
      String sopInstanceUid) {}

  public SrDocument {
    verifyingObservers = List.copyOf(verifyingObservers);
    evidence = List.copyOf(evidence);
    problems = List.copyOf(problems);
  }

  public boolean partial() {
    return problems.stream().anyMatch(p -> p.level() == Problem.Level.ERROR);
  }

  /** All items in document order (pre-order), root first; iterative. */
  public List<ContentItem> items() {
    List<ContentItem> out = new ArrayList<>(itemCount);
    Deque<ContentItem> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      ContentItem item = stack.pop();
      out.add(item);
      List<ContentItem> ch = item.children();
      for (int i = ch.size() - 1; i >= 0; i--) {
        stack.push(ch.get(i));
      }
    }
    return out;
  }

  /** Index of items by position. */
  public Map<String, ContentItem> byPosition() {
    Map<String, ContentItem> map = new HashMap<>();
    for (ContentItem i : items()) {
      map.put(i.position(), i);
    }
    return map;
  }

  /** The target of a by-reference item, if it exists. */
  public Optional<ContentItem> resolve(ContentItem byReference) {
    if (!(byReference.value() instanceof ContentValue.Reference ref)) {
      return Optional.empty();
    }
    return Optional.ofNullable(byPosition().get(ref.targetPosition()));
  }

  /**
   * The observation context in force at an item: HAS OBS CONTEXT children of the item and of its
   * ancestors, outermost first (PS3.3 C.17.5 inheritance).
   */
  public List<ContentItem> observationContext(String position) {
    Map<String, ContentItem> map = byPosition();
    List<ContentItem> out = new ArrayList<>();
    String[] parts = position.split("\\.");
    StringBuilder p = new StringBuilder();
    for (String part : parts) {
      if (p.length() > 0) {
        p.append('.');
      }
      p.append(part);
      ContentItem item = map.get(p.toString());
      if (item == null) {
        break;
      }
      for (ContentItem c : item.children()) {
        if (c.relationship() == Relationship.HAS_OBS_CONTEXT) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** The root container's title, e.g. "Imaging Measurement Report". */
  public String title() {
    return root.conceptMeaning();
  }
}
