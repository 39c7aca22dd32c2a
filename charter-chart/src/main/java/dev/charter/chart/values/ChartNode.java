package dev.charter.chart.values;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartFile;
import dev.charter.chart.ChartMetadata;
import dev.charter.chart.Dependency;
import dev.charter.chart.GoPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chart as Helm's {@code *chart.Chart} during installation: a mutable tree with parent links,
 * whose name, dependency list and values change while dependencies are processed (aliases,
 * conditions, tags, import-values). Built from an immutable {@link Chart}.
 */
public final class ChartNode {

    /** A mutable {@code chart.Dependency}. */
    public static final class Req {
        public String name;
        public String version;
        public String repository;
        public String condition;
        public List<String> tags;
        public boolean enabled;
        public List<Object> importValues;
        public String alias;

        Req(Dependency d) {
            name = nz(d.name());
            version = nz(d.version());
            repository = nz(d.repository());
            condition = nz(d.condition());
            tags = d.tags() == null ? null : new ArrayList<>(d.tags());
            enabled = d.enabled();
            importValues = d.importValues() == null ? null : new ArrayList<>(d.importValues());
            alias = nz(d.alias());
        }

        Req(Req o) {
            name = o.name;
            version = o.version;
            repository = o.repository;
            condition = o.condition;
            tags = o.tags == null ? null : new ArrayList<>(o.tags);
            enabled = o.enabled;
            importValues = o.importValues == null ? null : new ArrayList<>(o.importValues);
            alias = o.alias;
        }
    }

    private final Chart chart;
    private String name;
    private List<Req> deps;
    private Map<String, Object> values;
    private ChartNode parent;
    private final List<ChartNode> children = new ArrayList<>();

    private ChartNode(Chart chart) {
        this.chart = chart;
        this.name = chart.metadata().name();
        this.values = chart.values();
        if (chart.metadata().dependencies() != null) {
            deps = new ArrayList<>();
            for (Dependency d : chart.metadata().dependencies()) {
                deps.add(d == null ? null : new Req(d));
            }
        }
    }

    /** The tree for a loaded chart (the root has no parent). */
    public static ChartNode of(Chart chart) {
        ChartNode n = new ChartNode(chart);
        for (Chart d : chart.dependencies()) {
            n.addChild(of(d));
        }
        return n;
    }

    /** A copy of this node and its subtree (Helm copies charts for aliases). */
    ChartNode copy() {
        ChartNode n = new ChartNode(chart);
        n.name = name;
        n.values = values;
        if (deps != null) {
            n.deps = new ArrayList<>();
            for (Req r : deps) {
                n.deps.add(r == null ? null : new Req(r));
            }
        } else {
            n.deps = null;
        }
        for (ChartNode c : children) {
            n.addChild(c.copy());
        }
        return n;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public Chart chart() { return chart; }
    public String name() { return name; }
    void setName(String name) { this.name = name; }
    public ChartMetadata metadata() { return chart.metadata(); }
    /** The Chart.yaml dependencies as currently processed; null when Chart.yaml has none. */
    public List<Req> deps() { return deps; }
    void setDeps(List<Req> deps) { this.deps = deps; }
    public Map<String, Object> values() { return values; }
    public void setValues(Map<String, Object> values) { this.values = values; }
    public ChartNode parent() { return parent; }
    public List<ChartNode> children() { return children; }
    public boolean isRoot() { return parent == null; }
    public List<ChartFile> templates() { return chart.templates(); }
    public List<ChartFile> files() { return chart.files(); }
    public byte[] schema() { return chart.schema(); }

    public boolean isLibrary() {
        return chart.metadata().type().toLowerCase(Locale.ROOT).equals("library");
    }

    void setChildren(List<ChartNode> nodes) {
        children.clear();
        for (ChartNode n : nodes) {
            addChild(n);
        }
    }

    private void addChild(ChartNode n) {
        n.parent = this;
        children.add(n);
    }

    /** Helm's {@code ChartFullPath}: {@code parent/charts/name}. */
    public String fullPath() {
        return parent == null ? name : parent.fullPath() + "/charts/" + name;
    }

    /** Helm's {@code CRDObjects}: crds/ manifests of this chart and then its dependencies. */
    public List<Crd> crdObjects() {
        List<Crd> out = new ArrayList<>();
        for (ChartFile f : chart.files()) {
            if (f.name().startsWith("crds/")) {
                String ext = GoPath.ext(f.name()).toLowerCase(Locale.ROOT);
                if (ext.equals(".yaml") || ext.equals(".yml") || ext.equals(".json")) {
                    out.add(new Crd(f.name(), fullPath() + "/" + f.name(), f));
                }
            }
        }
        for (ChartNode c : children) {
            out.addAll(c.crdObjects());
        }
        return out;
    }

    /** A CRD file of the chart tree. */
    public record Crd(String name, String filename, ChartFile file) {}

    /**
     * The metadata as Helm v4's {@code MetadataAsMap}: Go field names, nil slices as empty lists,
     * the current name and dependency list.
     */
    public Map<String, Object> metadataMap() {
        ChartMetadata m = chart.metadata();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("Name", name);
        o.put("Home", m.home());
        o.put("Sources", strings(m.sources()));
        o.put("Version", m.version());
        o.put("Description", m.description());
        o.put("Keywords", strings(m.keywords()));
        List<Object> ms = new ArrayList<>();
        if (m.maintainers() != null) {
            for (var x : m.maintainers()) {
                if (x == null) {
                    ms.add(null);
                    continue;
                }
                Map<String, Object> mo = new LinkedHashMap<>();
                mo.put("Name", nz(x.name()));
                mo.put("Email", nz(x.email()));
                mo.put("URL", nz(x.url()));
                ms.add(mo);
            }
        }
        o.put("Maintainers", ms);
        o.put("Icon", m.icon());
        o.put("APIVersion", m.apiVersion());
        o.put("Condition", m.condition());
        o.put("Tags", m.tags());
        o.put("AppVersion", m.appVersion());
        o.put("Deprecated", m.deprecated());
        o.put("Annotations", m.annotations() == null ? new StringMap() : new StringMap(m.annotations()));
        o.put("KubeVersion", m.kubeVersion());
        List<Object> ds = new ArrayList<>();
        if (deps != null) {
            for (Req r : deps) {
                if (r == null) {
                    ds.add(null);
                    continue;
                }
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("Name", r.name);
                d.put("Version", r.version);
                d.put("Repository", r.repository);
                d.put("Condition", r.condition);
                d.put("Tags", strings(r.tags));
                d.put("Enabled", r.enabled);
                d.put("ImportValues", r.importValues == null ? new ArrayList<>() : new ArrayList<>(r.importValues));
                d.put("Alias", r.alias);
                ds.add(d);
            }
        }
        o.put("Dependencies", ds);
        o.put("Type", m.type());
        return o;
    }

    private static List<Object> strings(List<String> l) {
        return l == null ? new ArrayList<>() : new ArrayList<>(l);
    }

    /** Go's {@code map[string]string}. */
    @dev.charter.template.value.GoTypeName("map[string]string")
    public static final class StringMap extends java.util.TreeMap<String, Object> {
        StringMap() {}

        StringMap(Map<String, String> m) {
            super(m);
        }
    }
}
