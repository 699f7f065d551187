package dev.switchboard.bench.factory;

import dev.switchboard.core.aws.AwsCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the whole-catalogue probe project for budget B3: a pom that depends on every service module
 * of the plugin's bundled AWS catalogue (412 modules of SDK BOM 2.40.2, all published on Maven Central
 * at that version) and runs the real {@code generate} goal with no selection, so the factory has every
 * catalogued service compiled in. The run script copies {@link ClassLoadProbe} and {@code
 * src/all-services/java/…/WholeCatalogueLookupBenchmark.java} into it (the generated classes have the
 * same package as here, {@code dev.switchboard.bench.clients}), compiles it, counts class loads and
 * runs that JMH benchmark from the project's class path.
 *
 * <pre>java -cp target/factory-benchmarks.jar dev.switchboard.bench.factory.AllServicesProject target/all-services</pre>
 */
public final class AllServicesProject {
    private AllServicesProject() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/all-services");
        AwsCatalogue catalogue = AwsCatalogue.bundled();
        StringBuilder deps = new StringBuilder();
        int clients = 0;
        for (AwsCatalogue.Module module : catalogue.modules()) {
            deps.append("    <dependency><groupId>software.amazon.awssdk</groupId><artifactId>")
                    .append(module.artifactId())
                    .append("</artifactId></dependency>\n");
            clients += module.clients().size();
        }
        String pom =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by dev.switchboard.bench.factory.AllServicesProject from the plugin's AWS catalogue
                     (SDK %s, %d modules, %d sync clients); do not edit. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.switchboard.bench</groupId>
                  <artifactId>switchboard-all-services-probe</artifactId>
                  <version>0.1.0-SNAPSHOT</version>

                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>

                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>software.amazon.awssdk</groupId>
                        <artifactId>bom</artifactId>
                        <version>%s</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>

                  <dependencies>
                    <dependency>
                      <groupId>dev.switchboard</groupId>
                      <artifactId>switchboard-runtime</artifactId>
                      <version>0.1.0-SNAPSHOT</version>
                    </dependency>
                    <dependency><groupId>software.amazon.awssdk</groupId><artifactId>url-connection-client</artifactId></dependency>
                    <dependency>
                      <groupId>org.openjdk.jmh</groupId>
                      <artifactId>jmh-core</artifactId>
                      <version>1.37</version>
                    </dependency>
                %s  </dependencies>

                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.switchboard</groupId>
                        <artifactId>switchboard-maven-plugin</artifactId>
                        <version>0.1.0-SNAPSHOT</version>
                        <executions>
                          <execution>
                            <goals><goal>generate</goal></goals>
                            <configuration>
                              <packageName>dev.switchboard.bench.clients</packageName>
                              <summary>false</summary>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.4.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.15.0</version>
                        <configuration>
                          <annotationProcessorPaths>
                            <path>
                              <groupId>org.openjdk.jmh</groupId>
                              <artifactId>jmh-generator-annprocess</artifactId>
                              <version>1.37</version>
                            </path>
                          </annotationProcessorPaths>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-dependency-plugin</artifactId>
                        <version>3.9.0</version>
                        <executions>
                          <execution>
                            <id>classpath</id>
                            <phase>generate-resources</phase>
                            <goals><goal>build-classpath</goal></goals>
                            <configuration>
                              <outputFile>${project.build.directory}/classpath.txt</outputFile>
                              <includeScope>runtime</includeScope>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """
                        .formatted(
                                catalogue.sdkVersion(),
                                catalogue.modules().size(),
                                clients,
                                catalogue.sdkVersion(),
                                deps);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
        System.out.println("wrote " + dir.resolve("pom.xml") + ": " + catalogue.modules().size() + " modules, "
                + clients + " sync clients (SDK " + catalogue.sdkVersion() + ")");
    }
}
