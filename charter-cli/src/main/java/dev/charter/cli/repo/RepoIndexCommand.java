package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.repo.IndexFile;
import dev.charter.repo.RepoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter repo index DIR}: Helm's repo_index.go. */
@Command(name = "index", description = "generate an index file given a directory containing packaged charts",
        customSynopsis = "charter repo index [DIR] [flags]")
public final class RepoIndexCommand extends BaseCommand {

    @Option(names = "--url", paramLabel = "string", description = "url of chart repository")
    String url = "";

    @Option(names = "--merge", paramLabel = "string", description = "merge the generated index into the given index")
    String merge = "";

    @Option(names = "--json", description = "output in JSON format")
    boolean json;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        requireExactArgs(args, 1);
        Path dir = ctx().resolve(args.get(0)).toAbsolutePath();
        ZoneId zone = RepoSupport.zone(ctx());
        try {
            IndexFile i = IndexFile.indexDirectory(dir, url, zone);
            if (!merge.isEmpty()) {
                Path mergeTo = ctx().resolve(merge);
                IndexFile i2;
                if (!Files.exists(mergeTo)) {
                    i2 = IndexFile.create(zone);
                    i2.write(mergeTo, json);
                } else {
                    try {
                        i2 = IndexFile.loadFile(mergeTo, ctx().err()::println);
                    } catch (RepoException e) {
                        throw new CliException("merge failed: " + e.getMessage(), e);
                    }
                }
                i.merge(i2);
            }
            i.sortEntries();
            i.write(dir.resolve("index.yaml"), json);
        } catch (RepoException e) {
            throw new CliException(e.getMessage(), e);
        }
        return 0;
    }
}
