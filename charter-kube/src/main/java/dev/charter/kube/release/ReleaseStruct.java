package dev.charter.kube.release;

import dev.charter.template.value.GoTypeName;
import dev.charter.template.value.GoVisible;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A release as Go templates see Helm's {@code *release.Release} ({@code helm get all --template}):
 * struct fields with Go's names and zero values, times as {@code time.Time}. The chart carries its
 * Metadata and Values only; its templates, files, lock and schema are not exposed.
 */
@GoTypeName("*v1.Release")
public record ReleaseStruct(String name, InfoStruct info, ChartStruct chart, Map<String, Object> config, String manifest,
                            List<HookStruct> hooks, long version, String namespace, Map<String, String> labels,
                            String applyMethod) {

    @GoTypeName("*v1.Info")
    public record InfoStruct(dev.charter.sprig.GoTime firstDeployed, dev.charter.sprig.GoTime lastDeployed,
                             dev.charter.sprig.GoTime deleted, String description, String status, String notes,
                             Map<String, List<Object>> resources) {
    }

    @GoTypeName("*v2.Chart")
    public record ChartStruct(MetadataStruct metadata, Map<String, Object> values) {
    }

    @GoTypeName("*v2.Metadata")
    public record MetadataStruct(String name, String home, List<Object> sources, String version, String description,
                                 List<Object> keywords, List<Object> maintainers, String icon,
                                 String apiVersion, String condition, String tags,
                                 String appVersion, boolean deprecated, Map<String, Object> annotations,
                                 String kubeVersion, List<Object> dependencies, String type) {
        @Override
        @GoVisible("APIVersion")
        public String apiVersion() {
            return apiVersion;
        }
    }

    @GoTypeName("*v1.Hook")
    public record HookStruct(String name, String kind, String path, String manifest, List<String> events,
                             HookExecutionStruct lastRun, long weight, List<String> deletePolicies,
                             List<String> outputLogPolicies) {
    }

    @GoTypeName("v1.HookExecution")
    public record HookExecutionStruct(dev.charter.sprig.GoTime startedAt, dev.charter.sprig.GoTime completedAt,
                                      String phase) {
    }

    /** Go's {@code []*release.Hook}, so {@code %T} names it. */
    public static final class HookList extends ArrayList<HookStruct> implements dev.charter.template.value.GoTyped {
        private static final dev.charter.template.value.GoType TYPE = new dev.charter.template.value.GoType(
                "[]*v1.Hook", dev.charter.template.value.Kind.SLICE, HookList.class);

        @Override
        public dev.charter.template.value.GoType goType() {
            return TYPE;
        }
    }

    public static ReleaseStruct of(Release r) {
        Info i = r.info;
        InfoStruct info = new InfoStruct(time(i.firstDeployed), time(i.lastDeployed), time(i.deleted), i.description,
                i.status, i.notes, i.resources == null ? Map.of() : i.resources);
        ChartStruct chart = null;
        if (r.chart != null) {
            Map<String, Object> md = r.chartMetadata() == null ? Map.of() : r.chartMetadata();
            chart = new ChartStruct(new MetadataStruct(str(md, "name"), str(md, "home"), list(md, "sources"),
                    str(md, "version"), str(md, "description"), list(md, "keywords"), list(md, "maintainers"),
                    str(md, "icon"), str(md, "apiVersion"), str(md, "condition"), str(md, "tags"), str(md, "appVersion"),
                    Boolean.TRUE.equals(md.get("deprecated")), map(md, "annotations"), str(md, "kubeVersion"),
                    list(md, "dependencies"), str(md, "type")), r.chartValues() == null ? Map.of() : r.chartValues());
        }
        List<HookStruct> hooks = new HookList();
        for (Hook h : r.hooks) {
            hooks.add(new HookStruct(h.name, h.kind, h.path, h.manifest, h.events,
                    new HookExecutionStruct(time(h.startedAt), time(h.completedAt), h.phase), h.weight,
                    h.deletePolicies, h.outputLogPolicies));
        }
        return new ReleaseStruct(r.name, info, chart, r.config == null ? Map.of() : r.config, r.manifest, hooks, r.version,
                r.namespace, r.labels == null ? Map.of() : r.labels, r.applyMethod);
    }

    private static dev.charter.sprig.GoTime time(GoTime t) {
        return t == null ? dev.charter.sprig.GoTime.zero() : t.goTime();
    }

    private static String str(Map<String, Object> m, String k) {
        return m.get(k) instanceof String s ? s : "";
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String k) {
        // a nil slice prints as [] in Go, as the empty list does here
        return m.get(k) instanceof List<?> l ? (List<Object>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String k) {
        return m.get(k) instanceof Map<?, ?> x ? new LinkedHashMap<>((Map<String, Object>) x) : Map.of();
    }
}
