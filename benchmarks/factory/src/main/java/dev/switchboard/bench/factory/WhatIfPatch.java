package dev.switchboard.bench.factory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not the plugin: a what-if for budgets B1 and B3. Rewrites a generated {@code ServiceClients.java}
 * the way RESULTS.md proposes to change the template, so the run script can compile it, put it ahead of
 * the generated class on the class path and measure the difference:
 *
 * <ol>
 *   <li><b>B3</b> — the async accessors no longer hand the typed SDK builder to {@code
 *       AwsClientSupport.build(AwsClientBuilder, …)} inside {@code ServiceClients}: they pass it as an
 *       {@code Object} to a private helper that casts it. The verifier then has no assignability to
 *       check against {@code AwsClientBuilder} while linking {@code ServiceClients}, so it loads no
 *       SDK interface. (In the template, the clean form is a generated {@code
 *       XProvider.newAsyncClient(context)}, like the sync {@code newClient}.)
 *   <li><b>B1</b> — {@code client(String)} first looks the name up in a map of clients already handed
 *       out and only then runs the generated {@code switch} (renamed {@code createByName}): the hot path
 *       is one small, inlinable method with a single hash lookup for every service, compiled in or not,
 *       and the switch (13,974 bytes of bytecode for the whole catalogue, too big for the JIT) is off
 *       the hot path. (In the runtime, the clean form is a {@code ClientCache.peek(name)} next to
 *       {@code get}.)
 * </ol>
 *
 * <pre>java -cp target/factory-benchmarks.jar dev.switchboard.bench.factory.WhatIfPatch IN.java OUT.java</pre>
 */
public final class WhatIfPatch {
    private WhatIfPatch() {}

    public static void main(String[] args) throws Exception {
        String src = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);

        Matcher async = Pattern.compile("\\(\\) -> AwsClientSupport\\.build\\((\\w+)\\.builder\\(\\), (\"[^\"]+\"), settings\\)")
                .matcher(src);
        StringBuilder out = new StringBuilder();
        int asyncCount = 0;
        while (async.find()) {
            async.appendReplacement(out, Matcher.quoteReplacement(
                    "() -> (" + async.group(1) + ") buildUntyped(" + async.group(1) + ".builder(), " + async.group(2) + ")"));
            asyncCount++;
        }
        async.appendTail(out);
        src = out.toString();

        String header = "    public Object client(String name) {\n        switch (name) {";
        if (!src.contains(header)) {
            throw new IllegalStateException("no client(String) switch found in " + args[0]);
        }
        src = src.replace(
                header,
                """
                    private final java.util.concurrent.ConcurrentHashMap<String, Object> byName =
                            new java.util.concurrent.ConcurrentHashMap<>();

                    public Object client(String name) {
                        Object c = byName.get(name);
                        if (c == null) {
                            c = createByName(name);
                            byName.putIfAbsent(name, c);
                        }
                        return c;
                    }

                    @SuppressWarnings({"rawtypes", "unchecked"})
                    private Object buildUntyped(Object builder, String service) {
                        return AwsClientSupport.build(
                                (software.amazon.awssdk.awscore.client.builder.AwsClientBuilder) builder, service, settings);
                    }

                    private Object createByName(String name) {
                        switch (name) {""");
        String close = "    public void close() {\n";
        if (!src.contains(close)) {
            throw new IllegalStateException("no close() found in " + args[0]);
        }
        src = src.replace(close, close + "        byName.clear();\n");
        Path target = Path.of(args[1]);
        Files.createDirectories(target.getParent());
        Files.writeString(target, src, StandardCharsets.UTF_8);
        System.out.println("patched " + args[0] + ": " + asyncCount + " async accessors, client(String) split");
    }
}
