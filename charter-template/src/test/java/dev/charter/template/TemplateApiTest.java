package dev.charter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoStringer;
import dev.charter.template.value.GoType;
import dev.charter.template.value.GoTypeName;
import dev.charter.template.value.GoVisible;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public API and the behaviour golden files cannot reach through Helm: other missingkey
 * options, registered functions, host objects, sets of templates, resource limits. Expected texts
 * follow Go's exec.go and exec_test.go.
 */
class TemplateApiTest {

    private static String run(Template t, Object data) {
        try {
            return t.executeToString(data);
        } catch (TemplateException e) {
            return "ERR " + e.getMessage();
        }
    }

    private static String run(String text, Object data, String... options) {
        try {
            return run(Template.named("t").option(options).parse(text), data);
        } catch (TemplateException e) {
            return "ERR " + e.getMessage();
        }
    }

    // ---- missingkey ----

    @Test
    void missingKeyDefaultPrintsNoValue() {
        Map<String, Object> data = Map.of("a", 1L);
        assertThat(run("{{ .x }}|{{ .x.y }}|{{ print .x }}", data)).isEqualTo("<no value>|<no value>|<nil>");
        assertThat(run("{{ .x }}", data, "missingkey=default")).isEqualTo("<no value>");
        assertThat(run("{{ .x }}", data, "missingkey=invalid")).isEqualTo("<no value>");
    }

    @Test
    void missingKeyZeroMakesNestedAccessFail() {
        assertThat(run("{{ .x }}", Map.of(), "missingkey=zero")).isEqualTo("<no value>");
        assertThat(run("{{ .x.y }}", Map.of(), "missingkey=zero"))
                .isEqualTo("ERR template: t:1:5: executing \"t\" at <.x.y>: nil pointer evaluating interface {}.y");
    }

    @Test
    void missingKeyError() {
        assertThat(run("{{ .x }}", Map.of("a", 1L), "missingkey=error"))
                .isEqualTo("ERR template: t:1:3: executing \"t\" at <.x>: map has no entry for key \"x\"");
        assertThat(run("{{ .x }}", null, "missingkey=error"))
                .isEqualTo("ERR template: t:1:3: executing \"t\" at <.x>: nil data; no entry for key \"x\"");
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> Template.named("t").option("missingkey=bogus"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unrecognized option: missingkey=bogus");
        assertThatThrownBy(() -> Template.named("t").option("bogus"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unrecognized option: bogus");
    }

    // ---- template sets ----

    @Test
    void setsParseLookupAndExecuteByName() {
        Template t = Template.named("root").parse("{{ define \"a\" }}A{{ . }}{{ end }}root");
        t.newTemplate("second").parse("second {{ template \"a\" 1 }}");
        assertThat(t.executeToString("second", null)).isEqualTo("second A1");
        assertThat(t.lookup("a")).isNotNull();
        assertThat(t.lookup("zzz")).isNull();
        assertThat(t.templateNames()).containsExactlyInAnyOrder("root", "a", "second");
        assertThat(t.definedTemplates()).startsWith("; defined templates are: ").contains("\"a\"");
        assertThatThrownBy(() -> t.executeToString("zzz", null))
                .hasMessage("template: no template \"zzz\" associated with template \"root\"");
    }

    @Test
    void laterDefinitionReplacesButEmptyDoesNot() {
        Template t = Template.named("x").parse("{{ define \"a\" }}one{{ end }}");
        t.parse("{{ define \"a\" }}two{{ end }}");
        assertThat(t.executeToString("a", null)).isEqualTo("two");
        t.parse("{{ define \"a\" }}  {{/* empty */}} {{ end }}");
        assertThat(t.executeToString("a", null)).isEqualTo("two");
    }

    @Test
    void unparsedTemplateIsIncomplete() {
        assertThatThrownBy(() -> Template.named("x").executeToString(null))
                .hasMessage("template: x: \"x\" is an incomplete or empty template");
    }

    @Test
    void copyIsIndependent() {
        Template t = Template.named("x").parse("{{ define \"a\" }}one{{ end }}x");
        Template c = t.copy();
        c.parse("{{ define \"a\" }}two{{ end }}x");
        assertThat(t.executeToString("a", null)).isEqualTo("one");
        assertThat(c.executeToString("a", null)).isEqualTo("two");
    }

    @Test
    void customDelimiters() {
        Template t = Template.named("d").delims("[[", "]]").parse("[[ .a ]] {{ .a }} [[- \" x \" -]]");
        assertThat(t.executeToString(Map.of("a", "v"))).isEqualTo("v {{ .a }} x ");
    }

    // ---- functions ----

    @Test
    void registeredFunctionsAreTypeChecked() {
        FunctionRegistry f = new FunctionRegistry()
                .register("upper", Signature.of(GoType.STRING, GoType.STRING),
                        (ctx, args) -> ((String) args.get(0)).toUpperCase())
                .register("repeat", Signature.of(GoType.STRING, GoType.INT, GoType.STRING),
                        (ctx, args) -> ((String) args.get(1)).repeat(((Long) args.get(0)).intValue()))
                .register("join", Signature.variadic(GoType.STRING, GoType.ANY, GoType.STRING),
                        (ctx, args) -> String.join((String) args.get(0),
                                args.subList(1, args.size()).stream().map(String::valueOf).toList()))
                .register("fail", (ctx, args) -> {
                    throw new IllegalStateException("boom");
                });
        Template t = Template.named("f").funcs(f);
        assertThat(run(t.parse("{{ upper \"a\" }}{{ \"b\" | upper }}{{ repeat 3 \"x\" }}{{ join \",\" 1 2 }}"), null))
                .isEqualTo("ABxxx1,2");
        assertThat(run(t.parse("{{ upper 1 }}"), null))
                .isEqualTo("ERR template: f:1:9: executing \"f\" at <1>: expected string; found 1");
        assertThat(run(t.parse("{{ upper .n }}"), Map.of("n", 1.5)))
                .isEqualTo("ERR template: f:1:9: executing \"f\" at <.n>: wrong type for value; expected string; got float64");
        assertThat(run(t.parse("{{ upper \"a\" \"b\" }}"), null))
                .isEqualTo("ERR template: f:1:3: executing \"f\" at <upper>: wrong number of args for upper: want 1 got 2");
        assertThat(run(t.parse("{{ join }}"), null))
                .isEqualTo("ERR template: f:1:3: executing \"f\" at <join>: wrong number of args for join: want at least 1 got 0");
        assertThat(run(t.parse("{{ fail 1 }}"), null))
                .isEqualTo("ERR template: f:1:3: executing \"f\" at <fail 1>: error calling fail: boom");
        assertThat(run(t.parse("{{ repeat (len \"ab\") \"y\" }}"), null)).isEqualTo("yy");
        assertThat(run(t.parse("{{ repeat .n \"y\" }}"), Map.of("n", GoInt.int64(2))))
                .isEqualTo("ERR template: f:1:10: executing \"f\" at <.n>: wrong type for value; expected int; got int64");
    }

    @Test
    void unknownFunctionIsAParseError() {
        assertThatThrownBy(() -> Template.named("p").parse("{{ nope 1 }}"))
                .isInstanceOf(TemplateParseException.class).hasMessage("template: p:1: function \"nope\" not defined");
    }

    @Test
    void userFunctionShadowsBuiltinAndBreakKeyword() {
        FunctionRegistry f = new FunctionRegistry()
                .register("len", (ctx, args) -> "mine")
                .register("break", (ctx, args) -> "fn");
        Template t = Template.named("s").funcs(f).parse("{{ len \"abc\" }} {{ break }}");
        assertThat(t.executeToString(null)).isEqualTo("mine fn");
    }

    @Test
    void functionsCanExecuteOtherTemplatesOfTheSet() {
        FunctionRegistry f = new FunctionRegistry().register("include",
                Signature.of(GoType.STRING, GoType.STRING, GoType.ANY),
                (ctx, args) -> ctx.execute((String) args.get(0), args.get(1)));
        Template t = Template.named("main").funcs(f)
                .parse("{{ define \"part\" }}<{{ .x }}>{{ end }}{{ include \"part\" . | printf \"%q\" }}"
                        + "{{ define \"bad\" }}{{ .x.y }}{{ end }}");
        assertThat(t.executeToString(Map.of("x", "v"))).isEqualTo("\"<v>\"");
        Template bad = t.newTemplate("b").parse("{{ include \"bad\" . }}");
        assertThat(run(bad, Map.of("x", "v"))).isEqualTo("ERR template: b:1:3: executing \"b\" at <include \"bad\" .>: "
                + "error calling include: template: main:1:97: executing \"bad\" at <.x.y>: "
                + "can't evaluate field y in type interface {}");
    }

    @Test
    void callInvokesFunctionValues() {
        Func add = new Func("add", Signature.of(GoType.INT, GoType.INT, GoType.INT),
                (ctx, args) -> (Long) args.get(0) + (Long) args.get(1));
        Map<String, Object> data = Map.of("add", add);
        assertThat(run("{{ call .add 1 2 }}", data)).isEqualTo("3");
        assertThat(run("{{ call .add 1 }}", data)).isEqualTo(
                "ERR template: t:1:3: executing \"t\" at <call .add 1>: error calling call: wrong number of args for .add: got 1 want 2");
        assertThat(run("{{ call .add 1 \"x\" }}", data)).isEqualTo(
                "ERR template: t:1:3: executing \"t\" at <call .add 1 \"x\">: error calling call: arg 1: value has type string; should be int");
        assertThat(run("{{ printf \"%T\" .add }}", data)).isEqualTo("func(int, int) int");
        assertThat(run("{{ .add }}", data)).isEqualTo(
                "ERR template: t:1:3: executing \"t\" at <{{.add}}>: can't print {{.add}} of type func(int, int) int");
    }

    // ---- host objects ----

    /** Helm-like capabilities object. */
    @GoTypeName("chartutil.VersionSet")
    public static final class VersionSet {
        private final List<String> versions;

        public VersionSet(List<String> versions) {
            this.versions = versions;
        }

        @GoVisible
        public boolean has(String v) {
            return versions.contains(v);
        }

        @GoVisible("Get")
        public String lookup(String name) throws Exception {
            if (name.isEmpty()) {
                throw new Exception("empty name");
            }
            return "file:" + name;
        }

        @GoVisible
        public Object nothing() {
            return null;
        }

        @GoVisible
        public void broken() {}
    }

    @GoTypeName("chart.Metadata")
    public record Metadata(String name, String version, Object annotations) {}

    public record Capabilities(VersionSet apiVersions, Metadata chart) {}

    @Test
    void hostObjectsExposeFieldsAndMethods() {
        Capabilities caps = new Capabilities(new VersionSet(List.of("v1", "apps/v1")),
                new Metadata("mychart", "1.0.0", Map.of("k", "v")));
        Map<String, Object> data = Map.of("Capabilities", caps);
        assertThat(run("{{ .Capabilities.ApiVersions.Has \"v1\" }} {{ .Capabilities.ApiVersions.Has \"x\" }}", data))
                .isEqualTo("true false");
        assertThat(run("{{ .Capabilities.Chart.Name }}-{{ .Capabilities.Chart.Version }}", data))
                .isEqualTo("mychart-1.0.0");
        assertThat(run("{{ .Capabilities.ApiVersions.Get \"a\" }}", data)).isEqualTo("file:a");
        assertThat(run("{{ .Capabilities.ApiVersions.Get \"\" }}", data)).isEqualTo("ERR template: t:1:16: "
                + "executing \"t\" at <.Capabilities.ApiVersions.Get>: error calling Get: empty name");
        assertThat(run("{{ .Capabilities.ApiVersions.Has }}", data)).isEqualTo("ERR template: t:1:16: "
                + "executing \"t\" at <.Capabilities.ApiVersions.Has>: wrong number of args for Has: want 1 got 0");
        assertThat(run("{{ .Capabilities.Chart.Nope }}", data)).isEqualTo("ERR template: t:1:16: "
                + "executing \"t\" at <.Capabilities.Chart.Nope>: can't evaluate field Nope in type chart.Metadata");
        assertThat(run("{{ .Capabilities.Chart.Name 1 }}", data)).isEqualTo("ERR template: t:1:16: "
                + "executing \"t\" at <.Capabilities.Chart.Name>: Name has arguments but cannot be invoked as function");
        assertThat(run("{{ printf \"%T|%v|%+v\" .Capabilities.Chart .Capabilities.Chart .Capabilities.Chart }}", data))
                .isEqualTo("chart.Metadata|{mychart 1.0.0 map[k:v]}|{Name:mychart Version:1.0.0 Annotations:map[k:v]}");
        assertThat(run("{{ .Capabilities.Chart.Annotations.k }}", data)).isEqualTo("v");
        assertThat(run("{{ .Capabilities.ApiVersions.Nothing }}|{{ .Capabilities.ApiVersions.Nothing.x }}", data))
                .isEqualTo("ERR template: t:1:56: executing \"t\" at <.Capabilities.ApiVersions.Nothing.x>: "
                        + "nil pointer evaluating interface {}.x");
        assertThat(run("{{ .Capabilities.ApiVersions.Broken }}", data)).isEqualTo("ERR template: t:1:16: executing "
                + "\"t\" at <.Capabilities.ApiVersions.Broken>: can't call method/function \"Broken\" with 0 results");
    }

    @Test
    void stringerControlsPrinting() {
        GoStringer s = () -> "custom";
        assertThat(run("{{ . }}|{{ printf \"%s|%q|%d\" . . . }}", s)).isEqualTo("custom|custom|\"custom\"|{}");
    }

    @Test
    void javaCollectionsAndNumbers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ints", new long[] {3, 1});
        m.put("strs", new String[] {"a", "b"});
        m.put("i", 7);
        m.put("u8", new GoInt(255, GoInt.IntType.UINT8));
        assertThat(run("{{ .ints }} {{ .strs }} {{ .i }} {{ printf \"%T %T %T %T\" .ints .strs .i .u8 }} {{ .u8 }}", m))
                .isEqualTo("[3 1] [a b] 7 []int []string int uint8 255");
        assertThat(run("{{ range $i, $s := .strs }}{{ $i }}{{ $s }}{{ end }}", m)).isEqualTo("0a1b");
        assertThat(run("{{ eq .i 7 }} {{ lt .u8 256 }}", m)).isEqualTo("true true");
    }

    // ---- limits and depth ----

    @Test
    void recursionStopsAtGoDepthLimit() {
        Template t = Template.named("main").parse("{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}");
        assertThat(run(t, null)).isEqualTo("ERR template: main:1:28: executing \"r\" at <{{template \"r\" .}}>: "
                + "exceeded maximum template depth (100000)");
    }

    @Test
    void deeplyNestedInputDoesNotOverflow() {
        int n = 20000;
        String text = "{{ if 1 }}".repeat(n) + "x" + "{{ end }}".repeat(n);
        assertThat(run(Template.named("deep").parse(text), null)).isEqualTo("x");
        String parens = "{{ " + "(".repeat(n) + "1" + ")".repeat(n) + " }}";
        assertThatThrownBy(() -> Template.named("p").parse(parens))
                .hasMessage("template: p:1: max expression depth exceeded");
    }

    @Test
    void limitsBoundRunawayTemplates() {
        Template t = Template.named("l").limits(new ExecutionLimits(10_000, 0)).parse("{{ range 1000000000 }}{{ end }}");
        assertThat(run(t, null)).contains("execution limit exceeded (10000 steps)");
        Template o = Template.named("o").limits(new ExecutionLimits(0, 100)).parse("{{ range 1000 }}abc{{ end }}");
        assertThat(run(o, null)).contains("output limit exceeded (100 characters)");
    }
}
