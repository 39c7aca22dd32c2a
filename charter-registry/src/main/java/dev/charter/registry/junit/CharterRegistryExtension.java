package dev.charter.registry.junit;

import dev.charter.registry.RegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Charter registry per test class on a free loopback port with temporary storage and
 * stops it (deleting the storage) after the class. Either declaratively, injecting the server:
 * <pre>{@code
 * @ExtendWith(CharterRegistryExtension.class)
 * class PushTest {
 *     @Test void push(RegistryServer registry) { ... registry.host() ... }
 * }
 * }</pre>
 * or configured, as a static field:
 * <pre>{@code
 * @RegisterExtension
 * static CharterRegistryExtension registry = CharterRegistryExtension.configured(b -> b.user("ci", "secret"));
 * ... registry.server().port() ...
 * }</pre>
 */
public final class CharterRegistryExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CharterRegistryExtension.class);

    private final UnaryOperator<RegistryServer.Builder> configuration;
    private volatile RegistryServer server;

    /** An open registry with deletes enabled. */
    public CharterRegistryExtension() {
        this(UnaryOperator.identity());
    }

    private CharterRegistryExtension(UnaryOperator<RegistryServer.Builder> configuration) {
        this.configuration = configuration;
    }

    /** A registry further configured by {@code configuration} (root and port are chosen by the extension). */
    public static CharterRegistryExtension configured(UnaryOperator<RegistryServer.Builder> configuration) {
        return new CharterRegistryExtension(configuration);
    }

    /** The running server; only valid while the test class runs. */
    public RegistryServer server() {
        if (server == null) {
            throw new IllegalStateException("the registry is started before the tests of the class run");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> start(), Running.class).server();
    }

    /** Covers registration on an instance field, where there is no class-level callback. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null || !server.isRunning()) {
            ExtensionContext owner = context.getParent().orElse(context);
            server = owner.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> start(), Running.class).server();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RegistryServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (server == null) {
            ExtensionContext classContext = extensionContext;
            while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
                classContext = classContext.getParent().get();
            }
            beforeAll(classContext);
        }
        return server;
    }

    private Running start() {
        try {
            Path root = Files.createTempDirectory("charter-registry-test-");
            RegistryServer started = configuration.apply(RegistryServer.builder().deleteEnabled(true))
                    .root(root).host("127.0.0.1").port(0).start();
            return new Running(started, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closed by JUnit when the class's store goes away. */
    private record Running(RegistryServer server, Path root) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            server.close();
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
