package dev.charter.cli;

import dev.charter.chart.values.ValuesException;
import dev.charter.chart.values.ValuesOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Helm's {@code addValueOptionsFlags} as a picocli mixin ({@code -f}, {@code --set} and family),
 * shared by template, install and upgrade; {@link #merge} is Helm's {@code MergeValues}.
 */
public final class ValuesFlags {

    @Option(names = {"-f", "--values"}, split = ",", paramLabel = "strings", description = "specify values in a YAML file or a URL (can specify multiple)")
    public List<String> valueFiles = new ArrayList<>();
    @Option(names = "--set", paramLabel = "stringArray", description = "set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)")
    public List<String> setValues = new ArrayList<>();
    @Option(names = "--set-string", paramLabel = "stringArray", description = "set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)")
    public List<String> setStringValues = new ArrayList<>();
    @Option(names = "--set-file", paramLabel = "stringArray", description = "set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)")
    public List<String> setFileValues = new ArrayList<>();
    @Option(names = "--set-json", paramLabel = "stringArray", description = "set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2 or using json format: {\"key1\": jsonval1, \"key2\": \"jsonval2\"})")
    public List<String> setJsonValues = new ArrayList<>();
    @Option(names = "--set-literal", paramLabel = "stringArray", description = "set a literal STRING value on the command line")
    public List<String> setLiteralValues = new ArrayList<>();

    /** The flags as the library's {@link ValuesOptions}. */
    public ValuesOptions options() {
        ValuesOptions vo = new ValuesOptions();
        vo.valueFiles.addAll(valueFiles);
        vo.values.addAll(setValues);
        vo.stringValues.addAll(setStringValues);
        vo.fileValues.addAll(setFileValues);
        vo.jsonValues.addAll(setJsonValues);
        vo.literalValues.addAll(setLiteralValues);
        return vo;
    }

    /** Helm's {@code MergeValues}; failures become {@link CliException}s with Helm's text. */
    public Map<String, Object> merge(CliContext ctx) {
        try {
            return options().mergeValues(path -> readFile(ctx, path));
        } catch (ValuesException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Helm's {@code readFile}: {@code -} is stdin, http(s) URLs are fetched, anything else is a path. */
    public static byte[] readFile(CliContext ctx, String filePath) throws IOException, InterruptedException {
        if (filePath.strip().equals("-")) {
            return ctx.in().readAllBytes();
        }
        if (filePath.startsWith("http://") || filePath.startsWith("https://")) {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<byte[]> resp = client.send(HttpRequest.newBuilder(URI.create(filePath)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() / 100 != 2) {
                throw new IOException("failed to fetch " + filePath + " : " + resp.statusCode());
            }
            return resp.body();
        }
        Path p = ctx.resolve(filePath);
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new ValuesException("open " + filePath + ": no such file or directory");
        } catch (IOException e) {
            if (Files.isDirectory(p)) {
                throw new ValuesException("read " + filePath + ": is a directory");
            }
            throw e;
        }
    }
}
