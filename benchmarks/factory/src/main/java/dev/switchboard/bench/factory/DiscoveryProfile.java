package dev.switchboard.bench.factory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.aws.AwsClientClass;
import dev.switchboard.core.aws.AwsServiceReader;
import dev.switchboard.core.aws.ClientClassReader;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the cold AWS discovery time goes: the stages of {@code new
 * AwsServiceReader(AwsCatalogue.bundled()).read(jars)} re-enacted one after the other in one fresh
 * JVM, each timed, then the real call (now with every class loaded) for comparison. Stage times are
 * cumulative in class loading: a stage pays for the classes it is the first to need.
 *
 * <pre>java -cp target/factory-benchmarks.jar dev.switchboard.bench.factory.DiscoveryProfile target/discovery-classpath.txt</pre>
 *
 * <ol>
 *   <li>{@code jackson} — the registry codec's ObjectMapper comes up (Jackson databind's classes);
 *   <li>{@code catalogue} — {@code AwsCatalogue.bundled()}: the 174 KB catalogue bound to records;
 *   <li>{@code zip-list} — every jar opened and its entry names listed (what the scanner filters on);
 *   <li>{@code inflate} — the bytes of every {@code services/…Client.class} entry decompressed, as the
 *       scanner does (the sync and async interfaces, and the Default… and Delegating… classes);
 *   <li>{@code asm} — {@code ClientClassReader.read} of each of those;
 *   <li>{@code endpoints} — the regions module's 1.2 MB {@code endpoints.json} read into a tree by a new
 *       ObjectMapper, as the scanner does to learn which services are global;
 *   <li>{@code real-call} — the real call again, everything loaded: the warm-ish remainder.
 * </ol>
 *
 * It also reports how much of {@code inflate}/{@code asm} was spent on entries that turn out not to be
 * client interfaces.
 */
public final class DiscoveryProfile {
    private static final String SERVICES = "software/amazon/awssdk/services/";
    private static final String ENDPOINTS = "software/amazon/awssdk/regions/internal/region/endpoints.json";

    private DiscoveryProfile() {}

    public static void main(String[] args) throws Exception {
        List<Path> jars = DiscoveryCold.jars(Path.of(args.length > 0 ? args[0] : "target/discovery-classpath.txt"));
        long start = System.nanoTime();
        long t = start;

        ObjectMapper mapper = RegistryCodec.mapper(RegistryFormat.JSON);
        mapper.readTree("{\"a\":[1]}");
        t = stage("jackson", t);

        AwsCatalogue catalogue = AwsCatalogue.bundled();
        t = stage("catalogue", t);

        List<Candidate> candidates = new ArrayList<>();
        ZipEntry endpoints = null;
        Path regions = null;
        int entries = 0;
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    entries++;
                    String name = entry.getName();
                    if (name.startsWith(SERVICES) && !name.contains("$") && name.endsWith("Client.class")) {
                        candidates.add(new Candidate(jar, name, entry.getSize()));
                    } else if (name.equals(ENDPOINTS)) {
                        endpoints = entry;
                        regions = jar;
                    }
                }
            }
        }
        t = stage("zip-list", t);

        List<byte[]> bytes = new ArrayList<>();
        long inflated = 0;
        long nonInterfaceBytes = 0;
        long nonInterfaceNanos = 0;
        ZipFile open = null;
        Path openPath = null;
        for (Candidate c : candidates) {
            if (!c.jar.equals(openPath)) {
                if (open != null) {
                    open.close();
                }
                open = new ZipFile(c.jar.toFile());
                openPath = c.jar;
            }
            long s = System.nanoTime();
            try (InputStream in = open.getInputStream(open.getEntry(c.name))) {
                byte[] b = in.readAllBytes();
                bytes.add(b);
                inflated += b.length;
            }
            c.inflateNanos = System.nanoTime() - s;
        }
        if (open != null) {
            open.close();
        }
        t = stage("inflate", t);

        int clients = 0;
        int asyncClients = 0;
        long asyncBytes = 0;
        for (int i = 0; i < candidates.size(); i++) {
            long s = System.nanoTime();
            AwsClientClass client = ClientClassReader.read(bytes.get(i), "x");
            long n = System.nanoTime() - s;
            Candidate c = candidates.get(i);
            if (client == null) {
                nonInterfaceBytes += bytes.get(i).length;
                nonInterfaceNanos += n + c.inflateNanos;
            } else if (client.className().endsWith("AsyncClient")) {
                asyncClients++;
                asyncBytes += bytes.get(i).length;
            } else {
                clients++;
            }
        }
        t = stage("asm", t);

        if (regions != null) {
            try (ZipFile zip = new ZipFile(regions.toFile());
                    InputStream in = zip.getInputStream(endpoints)) {
                new ObjectMapper().readTree(in);
            }
        }
        t = stage("endpoints", t);

        int found = new AwsServiceReader(AwsCatalogue.bundled()).read(jars).size();
        t = stage("real-call", t);

        System.out.printf(
                Locale.ROOT,
                "profile total_ms=%.1f jars=%d entries=%d candidates=%d inflated_kb=%d sync_clients=%d"
                        + " async_clients=%d async_kb=%d non_interface_candidates=%d non_interface_kb=%d"
                        + " non_interface_inflate_asm_ms=%.1f services=%d%n",
                (t - start) / 1e6,
                jars.size(),
                entries,
                candidates.size(),
                inflated / 1024,
                clients,
                asyncClients,
                asyncBytes / 1024,
                candidates.size() - clients - asyncClients,
                nonInterfaceBytes / 1024,
                nonInterfaceNanos / 1e6,
                found);
    }

    private static long stage(String name, long since) {
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "stage %-10s %7.1f ms%n", name, (now - since) / 1e6);
        return now;
    }

    private static final class Candidate {
        final Path jar;
        final String name;
        final long size;
        long inflateNanos;

        Candidate(Path jar, String name, long size) {
            this.jar = jar;
            this.name = name;
            this.size = size;
        }
    }
}
