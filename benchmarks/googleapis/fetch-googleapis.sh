#!/usr/bin/env bash
# Lays out a googleapis-sized proto tree from Maven Central, plus protoc, for the real-tree benchmark
# (run-googleapis-benchmarks.sh). Nothing it writes is committed: all of it lands in
# benchmarks/target/googleapis/.
#
#   1. resolves the Google Cloud libraries BOM (LIBRARIES_BOM, default 26.76.0) and lists every
#      com.google.api.grpc:proto-google-* artifact it manages (Maven's effective POM);
#   2. copies those jars, protobuf-java (for google/protobuf/*.proto, which protoc needs on its path) and
#      protoc (com.google.protobuf:protoc:PROTOC_VERSION:exe:linux-x86_64) with maven-dependency-plugin;
#   3. unpacks every .proto of the proto-google-* jars into tree/src/main/proto (one tree, as the
#      googleapis repository lays them out) and writes tree/pom.xml, a project running the registry goal.
#
# Usage: benchmarks/googleapis/fetch-googleapis.sh   (online once; later runs reuse what ~/.m2 holds)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mvnw="$repo/mvnw"
bom="${LIBRARIES_BOM:-26.76.0}"
protoc_version="${PROTOC_VERSION:-4.33.5}"
protobuf_java="${PROTOBUF_JAVA_VERSION:-4.33.5}"
out="$repo/benchmarks/target/googleapis"
mkdir -p "$out/bom" "$out/jars" "$out/bin"

cat >"$out/bom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.switchboard.bench</groupId>
  <artifactId>googleapis-bom</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>com.google.cloud</groupId>
        <artifactId>libraries-bom</artifactId>
        <version>$bom</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
</project>
POM
"$mvnw" -B -q -f "$out/bom/pom.xml" help:effective-pom -Doutput="$out/bom/effective.xml"

# groupId, artifactId, version of each managed proto-google-* artifact, one per line.
awk '
  /<dependency>/ { g = a = v = "" }
  /<groupId>/ { g = $0; gsub(/.*<groupId>|<\/groupId>.*/, "", g) }
  /<artifactId>/ { a = $0; gsub(/.*<artifactId>|<\/artifactId>.*/, "", a) }
  /<version>/ { v = $0; gsub(/.*<version>|<\/version>.*/, "", v) }
  /<\/dependency>/ && g == "com.google.api.grpc" && a ~ /^proto-google-/ { print g ":" a ":" v }
' "$out/bom/effective.xml" | sort -u >"$out/artifacts.txt"
echo "libraries-bom $bom manages $(wc -l <"$out/artifacts.txt") proto-google-* artifacts"

# One small module per jar wanted, in one reactor: the mirror this machine reaches does not serve
# every artifact the BOM names, and with --fail-at-end a missing one fails its own module only.
# copy-dependencies lays the jars that resolve flat in $out/jars.
rm -rf "$out/deps" && mkdir -p "$out/deps"
module() { # module NAME GROUP ARTIFACT VERSION [CLASSIFIER TYPE]
  mkdir -p "$out/deps/$1"
  cat >"$out/deps/$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.switchboard.bench</groupId>
  <artifactId>jar-$1</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>$2</groupId>
      <artifactId>$3</artifactId>
      <version>$4</version>
      ${5:+<classifier>$5</classifier><type>$6</type>}
    </dependency>
  </dependencies>
</project>
POM
  echo "    <module>$1</module>" >>"$out/deps/modules.txt"
}
module protoc com.google.protobuf protoc "$protoc_version" linux-x86_64 exe
module protobuf-java com.google.protobuf protobuf-java "$protobuf_java"
while IFS=: read -r g a v; do
  module "$a" "$g" "$a" "$v"
done <"$out/artifacts.txt"
cat >"$out/deps/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.switchboard.bench</groupId>
  <artifactId>googleapis-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <modules>
$(cat "$out/deps/modules.txt")
  </modules>
</project>
POM
"$mvnw" -B -q -fae -f "$out/deps/pom.xml" dependency:copy-dependencies -DexcludeTransitive=true \
  -DoutputDirectory="$out/jars" >"$out/deps/copy.log" 2>&1 || true
echo "resolved $(ls "$out"/jars/proto-google-*.jar | wc -l) of $(wc -l <"$out/artifacts.txt") proto-google-* jars" \
  "(the others are not served here; see $out/deps/copy.log)"

protoc="$out/bin/protoc"
cp "$out/jars/protoc-$protoc_version-linux-x86_64.exe" "$protoc"
chmod +x "$protoc"
rm -rf "$out/wkt" && mkdir -p "$out/wkt"
unzip -q -o "$out/jars/protobuf-java-$protobuf_java.jar" 'google/protobuf/*.proto' -d "$out/wkt"

tree="$out/tree"
rm -rf "$tree/src" && mkdir -p "$tree/src/main/proto"
for jar in "$out"/jars/proto-google-*.jar; do
  # Some jars repeat a file of another (google/api, google/type); the copies are the same protos.
  unzip -q -o "$jar" '*.proto' -d "$tree/src/main/proto" 2>/dev/null || true
done
find "$tree/src/main/proto" -name '*.proto' -path '*/google/protobuf/*' -delete
# The files the registry reads (the pom's <excludes> left out), for protoc to compile the same set.
(cd "$tree/src/main/proto" && find . -name '*.proto' | sed 's|^\./||' | sort \
  | grep -v -e '^google/firestore/v1/firestore.proto$' -e '^google/cloud/discoveryengine/[^/]*/completion_service.proto$') \
  >"$out/files.txt"
echo "tree: $(find "$tree/src/main/proto" -name '*.proto' | wc -l) proto files in $tree/src/main/proto," \
  "$(wc -l <"$out/files.txt") of them selected"
echo "protoc: $("$protoc" --version) at $protoc"

cat >"$tree/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by benchmarks/googleapis/fetch-googleapis.sh; do not edit. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.switchboard.bench</groupId>
  <artifactId>googleapis-tree</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <packaging>jar</packaging>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <switchboard.version>0.1.0-SNAPSHOT</switchboard.version>
  </properties>
  <dependencies>
    <!-- google/protobuf/api.proto, type.proto and the other well-known types beyond Wire's own. -->
    <dependency>
      <groupId>com.google.protobuf</groupId>
      <artifactId>protobuf-java</artifactId>
      <version>$protobuf_java</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.switchboard</groupId>
        <artifactId>switchboard-maven-plugin</artifactId>
        <version>\${switchboard.version}</version>
        <configuration>
          <!-- Their HTTP rules put '**' before the last segment, which the registry rejects. -->
          <excludes>
            <exclude>google/firestore/v1/firestore.proto</exclude>
            <exclude>google/cloud/discoveryengine/*/completion_service.proto</exclude>
          </excludes>
        </configuration>
        <executions>
          <execution>
            <goals>
              <goal>registry</goal>
            </goals>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
