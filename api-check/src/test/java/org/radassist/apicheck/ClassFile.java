package org.radassist.apicheck;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the check needs from one class file: its name, access flags, super class and every type its
 * constant pool refers to (class constants, and the {@code L...;} names inside descriptors,
 * signatures and annotations, which live in UTF-8 constants), and the types its own API names
 * (super types, public and protected fields and methods: descriptors, generic signatures and
 * declared exceptions).
 */
record ClassFile(
    String name, int access, String superName, Set<String> referred, Set<String> apiReferred) {
  static final int ACC_PUBLIC = 0x0001;
  static final int ACC_PROTECTED = 0x0004;
  static final int ACC_INTERFACE = 0x0200;
  static final int ACC_ANNOTATION = 0x2000;
  static final int ACC_ENUM = 0x4000;
  private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

  /** Binary name with dots ({@code a.b.C$D}). */
  String binaryName() {
    return name.replace('/', '.');
  }

  /** The top-level type this class belongs to ({@code a.b.C} for {@code a.b.C$D}). */
  String topLevel() {
    String binary = binaryName();
    int dollar = binary.indexOf('$', binary.lastIndexOf('.') + 1);
    return dollar < 0 ? binary : binary.substring(0, dollar);
  }

  String packageName() {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
  }

  boolean isPublic() {
    return (access & ACC_PUBLIC) != 0;
  }

  boolean isInterface() {
    return (access & ACC_INTERFACE) != 0;
  }

  boolean isAnnotation() {
    return (access & ACC_ANNOTATION) != 0;
  }

  boolean isEnum() {
    return (access & ACC_ENUM) != 0;
  }

  boolean isRecord() {
    return "java/lang/Record".equals(superName);
  }

  static ClassFile parse(String entry, byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException(entry + ": not a class file (bad magic)");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // long and double take two slots
        }
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException(entry + ": unknown constant pool tag " + tag);
      }
    }
    int access = in.readUnsignedShort();
    String name = utf8[classNameIndex[in.readUnsignedShort()]];
    int superIndex = in.readUnsignedShort();
    String superName = superIndex == 0 ? null : utf8[classNameIndex[superIndex]];
    Set<String> api = new HashSet<>();
    if (superName != null) {
      api.add(superName);
    }
    int interfaces = in.readUnsignedShort();
    for (int i = 0; i < interfaces; i++) {
      api.add(utf8[classNameIndex[in.readUnsignedShort()]]);
    }
    for (int kind = 0; kind < 2; kind++) { // fields, then methods
      int members = in.readUnsignedShort();
      for (int i = 0; i < members; i++) {
        int memberAccess = in.readUnsignedShort();
        in.readUnsignedShort(); // name
        String descriptor = utf8[in.readUnsignedShort()];
        boolean visible = (memberAccess & (ACC_PUBLIC | ACC_PROTECTED)) != 0;
        if (visible) {
          addDescriptorTypes(descriptor, api);
        }
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
          String attribute = utf8[in.readUnsignedShort()];
          int length = in.readInt();
          if (visible && "Signature".equals(attribute) && length == 2) {
            addDescriptorTypes(utf8[in.readUnsignedShort()], api);
          } else if (visible && "Exceptions".equals(attribute)) {
            // a declared exception is API, checked or not: the caller is told to expect it
            int thrown = in.readUnsignedShort();
            for (int e = 0; e < thrown; e++) {
              api.add(utf8[classNameIndex[in.readUnsignedShort()]]);
            }
          } else {
            in.skipNBytes(length);
          }
        }
      }
    }
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      String attribute = utf8[in.readUnsignedShort()];
      int length = in.readInt();
      if ("Signature".equals(attribute) && length == 2) {
        addDescriptorTypes(utf8[in.readUnsignedShort()], api);
      } else {
        in.skipNBytes(length);
      }
    }
    api.remove(name);
    Set<String> referred = new HashSet<>();
    for (int i = 1; i < count; i++) {
      if (classNameIndex[i] != 0) {
        String constant = utf8[classNameIndex[i]];
        if (constant.startsWith("[")) {
          addDescriptorTypes(constant, referred);
        } else {
          referred.add(constant);
        }
      } else if (utf8[i] != null && utf8[i].indexOf('L') >= 0) {
        addDescriptorTypes(utf8[i], referred);
      }
    }
    referred.remove(name);
    return new ClassFile(name, access, superName, Set.copyOf(referred), Set.copyOf(api));
  }

  private static void addDescriptorTypes(String text, Set<String> into) {
    Matcher m = TYPE_IN_DESCRIPTOR.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }
}
