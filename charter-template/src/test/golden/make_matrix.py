#!/usr/bin/env python3
"""Writes the combinatorial case files (cases/m-*.txt): fmt verbs x values, comparisons x operand
pairs, truthiness, and float printing. Hand-written cases live in the other cases/*.txt files.
Run this, then generate.sh, to refresh the goldens."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases")

DATA = '{"l": [1, "a", null], "m": {"b": 2, "a": "x"}, "f": 0.1, "big": 12345678, "s": "str", "t": true, "e": [], "em": {}, "n": -2.5}'

VALUES = [
    ("int0", "0"), ("int42", "42"), ("neg", "-7"), ("float", "3.14159"), ("floatbig", "1e21"),
    ("floatsmall", "1e-7"), ("str", '"hi"'), ("unicode", '"h\u00e9llo\\n"'), ("empty", '""'),
    ("bool", "true"), ("nil", "nil"), ("list", ".l"), ("map", ".m"), ("char", "'x'"),
    ("dataf", ".f"), ("datan", ".n"), ("len", "(len .l)"), ("one", "1.0"), ("big", ".big"),
    ("emptylist", ".e"), ("missing", ".missing"), ("cplx", "2i"),
]

VERBS = ["%v", "%+v", "%#v", "%T", "%d", "%s", "%q", "%x", "%X", "%o", "%O", "%b", "%e", "%E", "%f",
         "%F", "%g", "%G", "%t", "%c", "%U", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.2f", "%8.3f",
         "%#x", "%#o", "% x", "%.3s", "%10s|", "%-10s|", "%05s", "%.0f", "%#g", "%+q", "%#q", "%#U",
         "%.3g", "%10.4e", "%6.2v", "%x|%X", "%z", "%!", "%[2]v %[1]v", "%*d", "%.*f", "%3c|", "%-8q|",
         "%+.3e", "%#.3x", "%08.3f", "%+v %v"]


def write(name, cases):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(cases))
        f.write("\n")


def case(name, template, data=DATA):
    s = "#### " + name + "\n"
    if data is not None:
        s += "#data: " + data + "\n"
    return s + template


def printf_matrix():
    cases = []
    for vi, (vname, vexpr) in enumerate(VALUES):
        for k, verb in enumerate(VERBS):
            fmt = verb.replace('"', '\\"')
            extra = ""
            if verb in ("%[2]v %[1]v", "%+v %v"):
                extra = " 99"
            if verb == "%*d":
                cases.append(case("printf-%s-%02d" % (vname, k), '{{ printf "%s" 6 %s }}' % (fmt, vexpr)))
                continue
            if verb == "%.*f":
                cases.append(case("printf-%s-%02d" % (vname, k), '{{ printf "%s" 2 %s }}' % (fmt, vexpr)))
                continue
            cases.append(case("printf-%s-%02d" % (vname, k), '{{ printf "%s" %s%s }}' % (fmt, vexpr, extra)))
    write("m-printf.txt", cases)


def compare_matrix():
    pairs = [("1", "1"), ("1", "2"), ("2", "1"), ("1", "1.0"), ("1.5", "1.5"), ("1.5", "2.5"), (".f", "0.1"),
             ('"a"', '"b"'), ('"b"', '"a"'), ('"a"', '"a"'), ("true", "true"), ("true", "false"),
             ("nil", "nil"), ("1", "nil"), ("nil", "1"), (".l", ".l"), (".m", ".m"), (".missing", "nil"),
             (".missing", "1"), ("1", ".missing"), ("(len .l)", "3"), (".big", "12345678"),
             (".big", "12345678.0"), ('"a"', "1"), ("2i", "2i"), (".t", "true"), (".s", '"str"'),
             (".e", ".e"), ("'a'", "97"), (".n", "-2.5"), ('"abc"', '"abd"'), ('""', '"a"')]
    cases = []
    for op in ["eq", "ne", "lt", "le", "gt", "ge"]:
        for i, (a, b) in enumerate(pairs):
            cases.append(case("%s-%02d" % (op, i), "{{ %s %s %s }}" % (op, a, b)))
    for i, t in enumerate(["{{ eq 1 2 3 1 }}", "{{ eq 1 2 3 }}", "{{ eq 1 }}", "{{ eq }}", '{{ eq "a" "b" 1 }}',
                           '{{ eq "a" "a" 1 }}', "{{ ne 1 }}", "{{ lt 1 2 3 }}", "{{ 1 | eq 1 }}",
                           "{{ 2 | lt 1 }}", "{{ eq .l nil }}", "{{ eq nil .l }}", "{{ eq .m .l }}",
                           "{{ lt .l .l }}", "{{ lt nil 1 }}", "{{ lt true false }}", "{{ lt 1i 2i }}",
                           "{{ eq .em .m }}"]):
        cases.append(case("cmp-misc-%02d" % i, t))
    write("m-compare.txt", cases)


def truth_matrix():
    vals = ["0", "1", "-1", "0.0", "0.5", '""', '"x"', "true", "false", "nil", ".l", ".e", ".m", ".em",
            ".missing", ".f", "(index .l 2)", "(index .l 0)", "2i", "0i", ".s", ". ", "$", "'\\x00'"]
    cases = []
    for i, v in enumerate(vals):
        cases.append(case("if-%02d" % i, "{{ if %s }}T{{ else }}F{{ end }}" % v))
        cases.append(case("not-%02d" % i, "{{ not %s }}" % v))
        cases.append(case("with-%02d" % i, "{{ with %s }}[{{ . }}]{{ else }}none{{ end }}" % v))
        cases.append(case("and-%02d" % i, "{{ and 1 %s }}|{{ and %s 1 }}|{{ or 0 %s }}|{{ or %s 0 }}" % (v, v, v, v)))
    write("m-truth.txt", cases)


def float_matrix():
    floats = ["0", "1", "-1", "1.5", "100000", "1000000", "123456", "1234567", "0.0001", "0.00001", "1e21",
              "1e20", "3.0", "2.5e-8", "1.7976931348623157e308", "5e-324", "0.1", "0.3", "123456789012",
              "-0.000123", "12345678.9", "9007199254740993", "1e100", "0.000001", "999999", "9999999",
              "1.0e-5", "33.333333333333336", "2e-308", "4.9406564584124654e-324"]
    cases = []
    for i, f in enumerate(floats):
        d = '{"v": %s}' % f
        cases.append(case("float-%02d" % i,
                          '{{ .v }}|{{ print .v }}|{{ printf "%%e|%%g|%%.3f|%%G|%%.10g|%%x|%%b" .v .v .v .v .v .v .v }}', d))
    lits = ["1e6", "1E6", "1.5e3", ".5", "5.", "0x10", "0x1p4", "0X1P-2", "1_000", "0b1010", "0o17", "017",
            "0.5e-3", "1e+2", "-1e2", "+5", "-0", "0x_1F", "1_0.5", "'\\n'", "'\\u00e9'", "'\\x41'",
            "'\\101'", "9223372036854775807", "-9223372036854775808", "18446744073709551615",
            "9223372036854775808", "1e500", "0x1.8p1", "2i", "1+2i", "-1-2.5i", "0i", "1e3i", "089", "08.5",
            "0x", "1__0", "_1", "1_", "0b2", "0o8", "1.2.3", "1e", "0xg", "1i2", "0x1.8", "12i3", "+-1",
            "'ab'", "''", "'\\q'"]
    for i, l in enumerate(lits):
        cases.append(case("lit-%02d" % i, "{{ %s }}|{{ printf \"%%T\" %s }}" % (l, l), None))
    write("m-float.txt", cases)


printf_matrix()
compare_matrix()
truth_matrix()
float_matrix()
