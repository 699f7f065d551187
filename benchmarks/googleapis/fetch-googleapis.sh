#!/usr/bin/env bash
# Lays out a googleapis proto tree, plus protoc, for the real-tree benchmark
# (run-googleapis-benchmarks.sh). Nothing it writes is committed: all of it lands in
# benchmarks/target/googleapis/.
#
#   --source npm (default): the whole of googleapis, as the npm package google-proto-files
#       (GOOGLE_PROTO_FILES, default 6.0.1) publishes it: 7,208 files besides google/protobuf;
#   --source jars: the com.google.api.grpc:proto-google-* jars that the Google Cloud libraries BOM
#       (LIBRARIES_BOM, default 26.76.0) manages and Maven Central serves here (45 of 342 on 2026-12-01);
#
# then protoc (com.google.protobuf:protoc:PROTOC_VERSION:exe:linux-x86_64) and protobuf-java (whose
# google/protobuf/*.proto protoc needs on its path) from Maven Central, every .proto but
# google/protobuf's unpacked into tree/src/main/proto (one tree, as the googleapis repository lays
# them out), and tree/pom.xml, a project running the registry goal. The same files are listed in
# files.txt for protoc.
#
# Usage: benchmarks/googleapis/fetch-googleapis.sh [--source npm|jars]
#   (online once; later runs reuse what the local repository and npm's cache hold)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mvnw="$repo/mvnw"
bom="${LIBRARIES_BOM:-26.76.0}"
protoc_version="${PROTOC_VERSION:-4.33.5}"
protobuf_java="${PROTOBUF_JAVA_VERSION:-4.33.5}"
out="$repo/benchmarks/target/googleapis"
source=npm
if [[ "${1:-}" == "--source" ]]; then
  source="$2"
fi
[[ "$source" == npm || "$source" == jars ]] || { echo "--source is npm or jars, not $source" >&2; exit 2; }
mkdir -p "$out/bom" "$out/jars" "$out/bin"

: >"$out/artifacts.txt"
if [[ "$source" == jars ]]; then
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
fi

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
if [[ "$source" == jars ]]; then
  echo "resolved $(ls "$out"/jars/proto-google-*.jar | wc -l) of $(wc -l <"$out/artifacts.txt") proto-google-* jars" \
    "(the others are not served here; see $out/deps/copy.log)"
fi

protoc="$out/bin/protoc"
cp "$out/jars/protoc-$protoc_version-linux-x86_64.exe" "$protoc"
chmod +x "$protoc"
rm -rf "$out/wkt" && mkdir -p "$out/wkt"
unzip -q -o "$out/jars/protobuf-java-$protobuf_java.jar" 'google/protobuf/*.proto' -d "$out/wkt"

tree="$out/tree"
rm -rf "$tree/src" && mkdir -p "$tree/src/main/proto"
if [[ "$source" == npm ]]; then
  package="google-proto-files@${GOOGLE_PROTO_FILES:-6.0.1}"
  rm -rf "$out/npm" && mkdir -p "$out/npm"
  (cd "$out/npm" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz)
  cp -r "$out/npm/package/google" "$out/npm/package/grafeas" "$out/npm/package/gapic" "$tree/src/main/proto/"
  echo "$package: $(find "$out/npm/package" -name '*.proto' | wc -l) proto files"
else
  for jar in "$out"/jars/proto-google-*.jar; do
    # Some jars repeat a file of another (google/api, google/type); the copies are the same protos.
    unzip -q -o "$jar" '*.proto' -d "$tree/src/main/proto" 2>/dev/null || true
  done
fi
find "$tree/src/main/proto" -name '*.proto' -path '*/google/protobuf/*' -delete
# The files the registry reads, for protoc to compile the same set.
(cd "$tree/src/main/proto" && find . -name '*.proto' | sed 's|^\./||' | LC_ALL=C sort) >"$out/files.txt"
echo "tree: $(wc -l <"$out/files.txt") proto files in $tree/src/main/proto"
echo "protoc: $("$protoc" --version) at $protoc"

# write_pom DIR ARTIFACT DEPENDENCIES PLUGIN: a project with protobuf-java (google/protobuf/api.proto,
# type.proto and the other well-known types beyond Wire's own) and DEPENDENCIES; with PLUGIN=yes, the
# registry goal bound to it.
write_pom() {
  local plugin=""
  if [[ "$4" == yes ]]; then
    plugin="<build>
    <plugins>
      <plugin>
        <groupId>dev.switchboard</groupId>
        <artifactId>switchboard-maven-plugin</artifactId>
        <version>\${switchboard.version}</version>
        <executions>
          <execution>
            <goals>
              <goal>registry</goal>
            </goals>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>"
  fi
  mkdir -p "$1"
  cat >"$1/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by benchmarks/googleapis/fetch-googleapis.sh; do not edit. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.switchboard.bench</groupId>
  <artifactId>$2</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <packaging>jar</packaging>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <switchboard.version>0.1.0-SNAPSHOT</switchboard.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>com.google.protobuf</groupId>
      <artifactId>protobuf-java</artifactId>
      <version>$protobuf_java</version>
    </dependency>$3
  </dependencies>
  $plugin
</project>
POM
}
write_pom "$tree" googleapis-tree "" yes

# The small tree: one real API as a project has it, its own protos in src/main/proto and the common
# ones (google/api, google/type) from proto-google-common-protos: the Merchant Accounts API v1, 27
# files and 22 services, with google/shopping/type/types.proto, which it imports. Beside it an empty
# module, the same project without the plugin, for the whole build's overhead.
small="$out/small"
common_protos="
    <dependency>
      <groupId>com.google.api.grpc</groupId>
      <artifactId>proto-google-common-protos</artifactId>
      <version>${COMMON_PROTOS_VERSION:-2.81.0}</version>
    </dependency>"
rm -rf "$small" "$out/empty" && mkdir -p "$small/src/main/proto"
for dir in google/shopping/merchant/accounts/v1 google/shopping/type; do
  mkdir -p "$small/src/main/proto/$dir"
  cp "$tree/src/main/proto/$dir"/*.proto "$small/src/main/proto/$dir/"
done
(cd "$small/src/main/proto" && find . -name '*.proto' | sed 's|^\./||' | LC_ALL=C sort) >"$out/small-files.txt"
write_pom "$small" googleapis-small "$common_protos" yes
write_pom "$out/empty" googleapis-empty "$common_protos" no
mkdir -p "$out/empty/src/main/proto" && cp -r "$small/src/main/proto/." "$out/empty/src/main/proto/"
"$mvnw" -B -q -f "$small/pom.xml" dependency:resolve >/dev/null
echo "small tree: $(wc -l <"$out/small-files.txt") proto files in $small/src/main/proto; empty module in $out/empty"
