package io.quiver.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hadoop, delta-storage, parquet-hadoop, log4j and the native codecs that delta-kernel-defaults
 * would bring never reach quiver-delta's runtime class path: neither the resolved Maven runtime
 * class path (written by maven-dependency-plugin to {@code target/runtime-classpath.txt}) nor the
 * class path these tests run on.
 */
class DeltaClassPathTest {

    /** Jar name fragments that must not appear on the class path. */
    private static final List<String> FORBIDDEN_JARS = List.of(
            "hadoop-", "snappy-java", "zstd-jni", "log4j-core", "log4j-api", "log4j-slf4j",
            "delta-storage", "parquet-hadoop", "parquet-column", "parquet-common");

    @ParameterizedTest
    @ValueSource(strings = {
        "org.apache.hadoop.conf.Configuration",
        "org.apache.hadoop.fs.FileSystem",
        "org.xerial.snappy.Snappy",
        "com.github.luben.zstd.Zstd",
        "org.apache.logging.log4j.core.Logger",
        "io.delta.storage.LogStore",
        "org.apache.parquet.hadoop.ParquetFileReader"})
    void forbiddenClassesAreNotLoadable(String className) {
        assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void kernelClassesAreLoadable() throws ClassNotFoundException {
        Class.forName("io.delta.kernel.Table");
        Class.forName("io.delta.kernel.defaults.engine.DefaultJsonHandler");
        Class.forName("io.delta.kernel.defaults.engine.DefaultExpressionHandler");
    }

    @Test
    void resolvedRuntimeClassPathHasNoForbiddenJar() throws IOException {
        Path written = Path.of("target", "runtime-classpath.txt");
        assertThat(written).as("written by maven-dependency-plugin:build-classpath").exists();
        List<String> entries = Arrays.asList(Files.readString(written).trim().split(File.pathSeparator));
        assertThat(entries).anyMatch(e -> e.contains("delta-kernel-api"));
        assertThat(forbidden(entries)).isEmpty();
    }

    @Test
    void testClassPathHasNoForbiddenJar() {
        List<String> entries = new ArrayList<>();
        for (String property : List.of("java.class.path", "surefire.test.class.path")) {
            String value = System.getProperty(property);
            if (value != null) {
                entries.addAll(Arrays.asList(value.split(File.pathSeparator)));
            }
        }
        assertThat(entries).anyMatch(e -> e.contains("delta-kernel-defaults"));
        assertThat(forbidden(entries)).isEmpty();
    }

    @Test
    void theCheckRecognisesTheJarsDefaultsWouldBring() {
        assertThat(forbidden(List.of(
                "/m2/org/apache/hadoop/hadoop-client-runtime/3.4.2/hadoop-client-runtime-3.4.2.jar",
                "/m2/org/xerial/snappy/snappy-java/1.1.10.7/snappy-java-1.1.10.7.jar",
                "/m2/com/github/luben/zstd-jni/1.5.6-6/zstd-jni-1.5.6-6.jar",
                "/m2/org/apache/logging/log4j/log4j-core/2.25.3/log4j-core-2.25.3.jar",
                "/m2/io/delta/delta-storage/4.2.0/delta-storage-4.2.0.jar",
                "/m2/io/delta/delta-kernel-defaults/4.2.0/delta-kernel-defaults-4.2.0.jar")))
                .hasSize(5);
    }

    private static List<String> forbidden(List<String> entries) {
        List<String> found = new ArrayList<>();
        for (String entry : entries) {
            String name = Path.of(entry).getFileName().toString().toLowerCase(Locale.ROOT);
            for (String fragment : FORBIDDEN_JARS) {
                if (name.startsWith(fragment)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }
}
