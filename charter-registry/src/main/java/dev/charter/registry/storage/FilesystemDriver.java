package dev.charter.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The {@code filesystem} driver: driver paths map below a root directory exactly as Distribution's
 * filesystem driver maps them, so both can share one data volume. Small files are written to a
 * temporary sibling, forced to disk and renamed into place; the directory is forced after the
 * rename so the new name itself survives a crash.
 */
public final class FilesystemDriver implements StorageDriver {

    private final Path root;

    public FilesystemDriver(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The local file behind a driver path; rejects anything that is not a clean absolute path. */
    public Path resolve(String path) {
        if (!path.startsWith("/") || path.contains("//") || path.contains("\\") || path.contains("\0")) {
            throw new IllegalArgumentException("invalid storage path: " + path);
        }
        for (String part : path.substring(1).split("/")) {
            if (part.equals("..") || part.equals(".")) {
                throw new IllegalArgumentException("invalid storage path: " + path);
            }
        }
        return path.equals("/") ? root : root.resolve(path.substring(1));
    }

    @Override
    public byte[] getContent(String path) throws IOException {
        try {
            return Files.readAllBytes(resolve(path));
        } catch (NoSuchFileException e) {
            throw new PathNotFoundException(path);
        }
    }

    @Override
    public void putContent(String path, byte[] content) throws IOException {
        Path target = resolve(path);
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            atomicMove(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream reader(String path, long offset) throws IOException {
        try {
            FileChannel channel = FileChannel.open(resolve(path), StandardOpenOption.READ);
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (NoSuchFileException e) {
            throw new PathNotFoundException(path);
        }
    }

    @Override
    public Optional<java.nio.channels.SeekableByteChannel> channel(String path) throws IOException {
        try {
            return Optional.of(FileChannel.open(resolve(path), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            throw new PathNotFoundException(path);
        }
    }

    @Override
    public FileWriter writer(String path, boolean append) throws IOException {
        Path target = resolve(path);
        Files.createDirectories(target.getParent());
        FileChannel channel = append
                ? FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return new ChannelWriter(channel);
    }

    @Override
    public Optional<FileInfo> stat(String path) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(resolve(path), BasicFileAttributes.class);
            return Optional.of(new FileInfo(path, attributes.size(), attributes.lastModifiedTime().toInstant(), attributes.isDirectory()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> list(String path) throws IOException {
        Path dir = resolve(path);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = path.endsWith("/") ? path : path + "/";
        List<String> children = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") || !name.endsWith(".tmp")) {
                    children.add(prefix + name);
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        }
        children.sort(null);
        return children;
    }

    @Override
    public void move(String source, String destination) throws IOException {
        Path from = resolve(source);
        Path to = resolve(destination);
        if (!Files.exists(from)) {
            throw new PathNotFoundException(source);
        }
        Files.createDirectories(to.getParent());
        atomicMove(from, to);
    }

    @Override
    public void delete(String path) throws IOException {
        Path target = resolve(path);
        if (!Files.exists(target)) {
            return;
        }
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                try {
                    Files.deleteIfExists(dir);
                } catch (DirectoryNotEmptyException raced) {
                    // a concurrent writer created something inside; leave it
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void touch(String path) throws IOException {
        try {
            Files.setLastModifiedTime(resolve(path), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (NoSuchFileException e) {
            throw new PathNotFoundException(path);
        }
    }

    private static void atomicMove(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("storage root must be one filesystem supporting atomic rename: " + to, e);
        }
        forceDirectory(to.getParent());
    }

    /** Makes a rename durable; some filesystems refuse to open directories, which is fine. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // best effort: the rename itself already happened atomically
        }
    }

    private static final class ChannelWriter extends FileWriter {
        private final FileChannel channel;
        private long size;

        ChannelWriter(FileChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                size += channel.write(buffer);
            }
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                size += channel.write(bytes);
            }
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void commit() throws IOException {
            channel.force(true);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
