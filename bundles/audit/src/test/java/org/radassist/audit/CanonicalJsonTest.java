package org.radassist.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.audit.internal.EcmaNumbers;

/** RFC 8785 JSON Canonicalization Scheme, checked against the RFC's own examples. */
class CanonicalJsonTest {

  @Test
  void rfc8785_section_3_2_2_example_canonicalises_numbers_strings_and_literals() {
    String input =
        """
        {
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
          "literals": [null, true, false]
        }
        """;

    String canonical = CanonicalJson.canonicalize(input);

    assertThat(canonical)
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    // The RFC's UTF-8 rendering of the same output (section 3.2.4).
    assertThat(HexFormat.of().formatHex(canonical.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(
            String.join(
                "",
                "7b226c69746572616c73223a5b6e756c6c2c7472",
                "75652c66616c73655d2c226e756d62657273223a",
                "5b3333333333333333332e333333333333332c31",
                "652b33302c342e352c302e3030322c31652d3237",
                "5d2c22737472696e67223a22e282ac245c753030",
                "30665c6e4127425c225c5c5c5c5c222f227d"));
  }

  @Test
  void rfc8785_section_3_2_3_sorts_member_names_by_utf16_code_units() {
    String input =
        """
        {
          "\\u20ac": "Euro Sign",
          "\\r": "Carriage Return",
          "\\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\\ud83d\\ude00": "Emoji: Grinning Face",
          "\\u0080": "Control",
          "\\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """;

    assertThat(CanonicalJson.canonicalize(input))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void nested_objects_are_sorted_and_arrays_keep_their_order() {
    assertThat(CanonicalJson.canonicalize("{ \"b\" : [3, {\"z\":1,\"a\":2}], \"a\" : {} }"))
        .isEqualTo("{\"a\":{},\"b\":[3,{\"a\":2,\"z\":1}]}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // RFC 8785 Appendix B: IEEE-754 bit patterns and their ECMAScript serialisation
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void rfc8785_appendix_b_numbers(String ieeeHex, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));

    assertThat(EcmaNumbers.toString(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
  void rfc8785_appendix_b_nan_and_infinity_are_refused(String ieeeHex) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));

    assertThatThrownBy(() -> EcmaNumbers.toString(value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbers_round_trip_and_use_the_fewest_digits() {
    java.util.Random random = new java.util.Random(8785);
    for (int i = 0; i < 5_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String text = EcmaNumbers.toString(value);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
      // Never more significant digits than the JDK's own round-tripping form.
      assertThat(significantDigits(text))
          .as(text)
          .isLessThanOrEqualTo(significantDigits(Double.toString(value)));
    }
    assertThat(EcmaNumbers.toString(0.1)).isEqualTo("0.1");
    assertThat(EcmaNumbers.toString(100)).isEqualTo("100");
    assertThat(EcmaNumbers.toString(1e21)).isEqualTo("1e+21");
    assertThat(EcmaNumbers.toString(1.5e-7)).isEqualTo("1.5e-7");
    assertThat(EcmaNumbers.toString(2e-7)).isEqualTo("2e-7");
  }

  @Test
  void duplicate_member_names_are_refused() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a");
  }

  @Test
  void lone_surrogates_are_refused() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":\"\\ud800\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("surrogate");
  }

  @Test
  void the_hash_ignores_member_order_and_number_spelling() {
    assertThat(CanonicalJson.sha256Hex("{\"b\":1.0,\"a\":\"x\",\"c\":[true,2]}"))
        .isEqualTo(CanonicalJson.sha256Hex("{\"a\":\"x\",\"c\":[true,2E0],\"b\":1}"))
        .isEqualTo(
            CanonicalJson.sha256Hex(
                "{\"a\":\"x\",\"b\":1,\"c\":[true,2]}".getBytes(StandardCharsets.UTF_8)));
  }

  private static int significantDigits(String number) {
    String mantissa = number.toLowerCase(java.util.Locale.ROOT).split("e")[0].replace("-", "");
    String digits = mantissa.replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
    return Math.max(1, digits.length());
  }
}
