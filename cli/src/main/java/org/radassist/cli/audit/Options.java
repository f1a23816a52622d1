package org.radassist.cli.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsed command-line options: known flags, options with one value, and positional arguments. */
public record Options(Set<String> flags, Map<String, String> values, List<String> positional) {

  public static Options parse(List<String> args, List<String> knownFlags, List<String> valued) {
    Set<String> flags = new HashSet<>();
    Map<String, String> values = new HashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        positional.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (knownFlags.contains(arg)) {
        flags.add(arg);
      } else if (valued.contains(arg)) {
        if (i + 1 >= args.size()) {
          throw new UsageException(arg + " needs a value");
        }
        values.put(arg, args.get(++i));
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown option " + arg);
      } else {
        positional.add(arg);
      }
    }
    return new Options(flags, values, positional);
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  public String value(String name) {
    return values.get(name);
  }
}
