package dev.charter.chart.render;

/**
 * Helm's {@code postrenderer.PostRenderer}: rewrites the rendered manifests (one YAML stream, see
 * {@link PostRenderStream}) before hooks and manifests are sorted. Implementations throw
 * {@link RenderException} with Helm's wording when they fail.
 */
@FunctionalInterface
public interface PostRenderer {

    /** The modified stream for {@code renderedManifests}. */
    String run(String renderedManifests);
}
