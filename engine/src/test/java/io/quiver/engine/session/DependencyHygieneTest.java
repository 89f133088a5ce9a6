package io.quiver.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calcite's transitive dependencies that Quiver never loads are excluded in the root pom; this
 * checks they stay off the class path (a version bump of Calcite could bring them back).
 */
class DependencyHygieneTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "com.fasterxml.jackson.dataformat.yaml.YAMLFactory",
      "org.yaml.snakeyaml.Yaml",
      "org.apache.commons.dbcp2.BasicDataSource",
      "com.yahoo.sketches.hll.HllSketch",
      "org.pentaho.aggdes.algorithm.Algorithm",
      "com.google.uzaygezen.core.BitVector",
      "org.apache.hc.client5.http.classic.HttpClient",
      "org.apache.http.client.HttpClient",
      "org.apache.hadoop.conf.Configuration",
      "org.apache.hadoop.fs.FileSystem",
      "org.apache.parquet.hadoop.ParquetFileReader",
      "org.apache.parquet.column.ColumnReader"})
  void excludedLibraryIsNotOnTheClassPath(String className) {
    boolean present;
    try {
      Class.forName(className, false, getClass().getClassLoader());
      present = true;
    } catch (ClassNotFoundException | LinkageError e) {
      present = false;
    }
    assertThat(present).as(className + " must not be on the class path").isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"calcite-core", "arrow-vector", "jackson-databind", "janino"})
  void requiredLibraryIsPresent(String artifact) {
    List<String> entries = List.of(System.getProperty("java.class.path").split(
        java.io.File.pathSeparator));
    assertThat(entries).anyMatch(entry -> entry.contains(artifact));
  }
}
