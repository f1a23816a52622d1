package org.radassist.weasis.bridge.internal.context;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A viewer tree held in memory: patient -> study -> series -> instances. */
final class MemoryTree implements StudyTree<MemoryTree.Node, MemoryTree.Instance> {

  static final class Node {
    final Map<Integer, Object> tags = new HashMap<>();
    final List<Node> children = new ArrayList<>();
    final List<Instance> instances = new ArrayList<>();
    Node parent;
    final int depth;

    Node(int depth) {
      this.depth = depth;
    }

    Node with(int tag, Object value) {
      tags.put(tag, value);
      return this;
    }

    Node child(Node node) {
      node.parent = this;
      children.add(node);
      return node;
    }
  }

  record Instance(Map<Integer, Object> tags, URI location) {}

  static Node patient() {
    return new Node(1);
  }

  static Node study() {
    return new Node(2);
  }

  static Node series() {
    return new Node(3);
  }

  @Override
  public Optional<Node> studyOf(Node series) {
    return ancestor(series, 2);
  }

  @Override
  public Optional<Node> patientOf(Node node) {
    return ancestor(node, 1);
  }

  private static Optional<Node> ancestor(Node node, int depth) {
    Node n = node;
    while (n != null && n.depth != depth) {
      n = n.parent;
    }
    return Optional.ofNullable(n);
  }

  @Override
  public List<Node> children(Node node) {
    return node.children;
  }

  @Override
  public List<Instance> instances(Node series) {
    return series.instances;
  }

  @Override
  public TagLookup tags(Node node) {
    return node.tags::get;
  }

  @Override
  public TagLookup instanceTags(Instance instance) {
    return instance.tags()::get;
  }

  @Override
  public Optional<URI> location(Instance instance) {
    return Optional.ofNullable(instance.location());
  }
}
