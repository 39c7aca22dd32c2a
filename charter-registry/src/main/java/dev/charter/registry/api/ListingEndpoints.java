package dev.charter.registry.api;

import dev.charter.registry.storage.RepositoryName;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Tag lists and the catalog, both lexically ordered and paginated with {@code n}/{@code last} and {@code Link}. */
final class ListingEndpoints {

    /** Distribution's {@code catalog.maxentries} default. */
    static final int MAX_CATALOG_ENTRIES = 1000;

    private final Storage storage;

    ListingEndpoints(Storage storage) {
        this.storage = storage;
    }

    void tags(Exchange ex, Route.Tags route) throws IOException {
        if (!storage.repositories().exists(route.name())) {
            throw new RegistryException(ErrorCode.NAME_UNKNOWN, Map.of("name", route.name().toString()));
        }
        List<String> tags = storage.repositories().tags(route.name());
        Page page = Page.of(tags, ex.query("n"), ex.query("last"), Integer.MAX_VALUE);
        if (page.more()) {
            ex.setHeader("Link", link("/v2/" + route.name() + "/tags/list", page));
        }
        ex.sendJson(200, Map.of("name", route.name().toString(), "tags", page.items()));
    }

    void catalog(Exchange ex) throws IOException {
        List<String> repositories = storage.repositories().list(false).stream().map(RepositoryName::value).toList();
        Page page = Page.of(repositories, ex.query("n"), ex.query("last"), MAX_CATALOG_ENTRIES);
        if (page.more()) {
            ex.setHeader("Link", link("/v2/_catalog", page));
        }
        ex.sendJson(200, Map.of("repositories", page.items()));
    }

    private static String link(String path, Page page) {
        return "<" + path + "?last=" + URLEncoder.encode(page.items().getLast(), StandardCharsets.UTF_8)
                + "&n=" + page.n() + ">; rel=\"next\"";
    }

    /** One page of a sorted list. */
    record Page(List<String> items, int n, boolean more) {
        static Page of(List<String> sorted, String nText, String last, int max) {
            int n;
            if (nText == null || nText.isEmpty()) {
                n = max;
            } else {
                try {
                    n = Integer.parseInt(nText);
                } catch (NumberFormatException e) {
                    throw new RegistryException(ErrorCode.PAGINATION_NUMBER_INVALID, Map.of("n", nText));
                }
                if (n < 0 || n > max) {
                    throw new RegistryException(ErrorCode.PAGINATION_NUMBER_INVALID, Map.of("n", nText));
                }
            }
            List<String> after = last == null || last.isEmpty()
                    ? sorted
                    : sorted.stream().filter(item -> item.compareTo(last) > 0).toList();
            if (after.size() <= n) {
                return new Page(after, n, false);
            }
            return new Page(List.copyOf(after.subList(0, n)), n, n > 0);
        }
    }
}
