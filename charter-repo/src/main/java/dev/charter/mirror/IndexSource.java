package dev.charter.mirror;

import dev.charter.repo.ChartVersion;
import dev.charter.repo.HttpGetter;
import dev.charter.repo.IndexFile;
import dev.charter.repo.RepoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A classic repository ({@code <url>/index.yaml}) as a mirror source. */
public final class IndexSource implements Mirror.Source {

    private final String url;
    private final HttpGetter.Options options;
    private final Consumer<String> warnings;

    public IndexSource(String url, HttpGetter.Options options, Consumer<String> warnings) {
        this.url = url;
        this.options = options;
        this.warnings = warnings;
    }

    @Override
    public List<Mirror.Candidate> list() {
        byte[] data;
        try {
            data = HttpGetter.get(HttpGetter.resolveReferenceUrl(url, "index.yaml"), options);
        } catch (RepoException e) {
            throw new RepoException("looks like \"" + url + "\" is not a valid chart repository or cannot be reached: " + e.getMessage(), e);
        }
        IndexFile index = IndexFile.load(data, url, warnings);
        List<Mirror.Candidate> out = new ArrayList<>();
        index.entries().forEach((name, versions) -> {
            for (ChartVersion v : versions) {
                if (v.urls().isEmpty() || Boolean.TRUE.equals(v.fields().get("removed"))) {
                    continue;
                }
                String digest = v.digest().matches("[0-9a-f]{64}") ? "sha256:" + v.digest() : null;
                out.add(new Mirror.Candidate(name, v.version(), digest, instant(v.created()), v));
            }
        });
        return out;
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public Mirror.Fetched fetch(Mirror.Candidate candidate, Path dir) {
        ChartVersion v = (ChartVersion) candidate.handle();
        String chartUrl = HttpGetter.resolveReferenceUrl(url, v.urls().get(0));
        Path archive = dir.resolve(candidate.name() + "-" + candidate.version() + ".tgz");
        try {
            Files.write(archive, HttpGetter.get(chartUrl, options));
        } catch (java.io.IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
        Path prov = null;
        try {
            byte[] p = HttpGetter.get(chartUrl + ".prov", options);
            prov = archive.resolveSibling(archive.getFileName() + ".prov");
            Files.write(prov, p);
        } catch (RepoException | java.io.IOException e) {
            prov = null; // no provenance published
        }
        return new Mirror.Fetched(archive, prov);
    }

}
