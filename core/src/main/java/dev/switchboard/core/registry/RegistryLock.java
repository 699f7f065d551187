package dev.switchboard.core.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the builds that write one registry directory: held from reading the registry in force to
 * writing {@code registry.previous.json}, {@code registry.json} and the generated files, so two builds
 * of one project at once (two IDE builds, {@code mvn -T}, a watch beside a build) cannot both keep the
 * same old registry as previous, nor leave a registry beside another build's sources.
 *
 * <p>Across processes it is an OS lock on {@value #FILE} in the directory; within one JVM, where the OS
 * lock cannot be taken twice, a lock per directory in front of it. Reentrant: the generate pipeline holds
 * it and the registry build inside it takes it again. The file stays: deleting it would let a third build
 * lock a new file while a second still waits on the deleted one.
 */
public final class RegistryLock implements AutoCloseable {
    /** The lock file, in the registry directory. */
    public static final String FILE = ".lock";

    private static final ConcurrentMap<Path, Holder> HOLDERS = new ConcurrentHashMap<>();

    /** One directory's lock; its channel is touched only by the thread holding {@code lock}. */
    private static final class Holder {
        final ReentrantLock lock = new ReentrantLock();
        FileChannel channel;
    }

    private final Holder holder;
    private boolean closed;

    private RegistryLock(Holder holder) {
        this.holder = holder;
    }

    /**
     * Waits until no other build, in this JVM or another process, holds the directory, and takes it; the
     * directory is created if needed.
     *
     * @throws InterruptedIOException when the thread is interrupted while waiting
     */
    public static RegistryLock acquire(Path registryDirectory) throws IOException {
        Path dir = registryDirectory.toAbsolutePath().normalize();
        Holder holder = HOLDERS.computeIfAbsent(dir, d -> new Holder());
        try {
            holder.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for another build of " + dir);
        }
        if (holder.lock.getHoldCount() > 1) {
            return new RegistryLock(holder);
        }
        try {
            Files.createDirectories(dir);
            FileChannel channel =
                    FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                // The lock goes with the channel, which close() closes.
                channel.lock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            holder.channel = channel;
            return new RegistryLock(holder);
        } catch (IOException | RuntimeException e) {
            holder.lock.unlock();
            throw e;
        }
    }

    /** Releases the lock; the outermost release of a thread lets the next build in. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (holder.lock.getHoldCount() == 1) {
                FileChannel channel = holder.channel;
                holder.channel = null;
                channel.close();
            }
        } finally {
            holder.lock.unlock();
        }
    }
}
