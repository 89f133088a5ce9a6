package io.quiver.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.udf.plugin.QuiverPlugin;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plugin's class loader shares with the host, and what it takes from its own jar. */
class PluginClassLoaderTest {
  @TempDir
  Path directory;

  /**
   * A jar with its own (fake) copies of a shared class, of a host library class and of an
   * engine class, plus a class of its own and a resource.
   */
  private PluginClassLoader loader() throws IOException {
    Path jar = PluginJarBuilder.in(directory)
        .source("io.quiver.udf.plugin.Impostor",
            "package io.quiver.udf.plugin; public class Impostor {}")
        .source("com.fasterxml.jackson.databind.ObjectMapper",
            "package com.fasterxml.jackson.databind; public class ObjectMapper {"
                + " public static final String OWNER = \"plugin\"; }")
        .source("own.Thing", "package own; public class Thing {}")
        .entry("own/data.txt", "plugin data")
        .entry("io/quiver/udf/plugin/fake.txt", "must not be seen")
        .build("classes.jar");
    URL url = jar.toUri().toURL();
    return new PluginClassLoader("classes.jar", url, getClass().getClassLoader());
  }

  @Test
  void apiAndArrowComeFromTheHost() throws Exception {
    try (PluginClassLoader loader = loader()) {
      assertThat(loader.loadClass(QuiverPlugin.class.getName())).isSameAs(QuiverPlugin.class);
      assertThat(loader.loadClass(BigIntVector.class.getName())).isSameAs(BigIntVector.class);
      assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
      assertThat(loader.loadClass("java.sql.Connection"))
          .as("the JDK's platform modules are visible").isSameAs(java.sql.Connection.class);
      // The jar's copy of a class in a shared package is never used.
      assertThatThrownBy(() -> loader.loadClass("io.quiver.udf.plugin.Impostor"))
          .isInstanceOf(ClassNotFoundException.class);
      assertThat(loader.getResource("io/quiver/udf/plugin/fake.txt")).isNull();
    }
  }

  @Test
  void otherHostClassesAreInvisibleAndThePluginsOwnCopiesWin() throws Exception {
    try (PluginClassLoader loader = loader()) {
      assertThatThrownBy(() -> loader.loadClass("io.quiver.engine.QuiverSession"))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> loader.loadClass("org.apache.calcite.rel.RelNode"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> mapper = loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
      assertThat(mapper).isNotSameAs(com.fasterxml.jackson.databind.ObjectMapper.class);
      assertThat(mapper.getClassLoader()).isSameAs(loader);
      assertThat(mapper.getField("OWNER").get(null)).isEqualTo("plugin");
      assertThat(loader.loadClass("own.Thing").getClassLoader()).isSameAs(loader);
    }
  }

  @Test
  void resourcesComeFromTheJarFirst() throws Exception {
    try (PluginClassLoader loader = loader()) {
      assertThat(loader.getResource("own/data.txt")).isNotNull();
      assertThat(Collections.list(loader.getResources("own/data.txt"))).hasSize(1);
      String hostService = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
      assertThat(getClass().getClassLoader().getResource(hostService)).isNotNull();
      assertThat(loader.getResource(hostService))
          .as("the host's service files are not the plugin's").isNull();
    }
  }

  @Test
  void sharedPackagesAreExactlyTheApiAndArrow() {
    assertThat(PluginClassLoader.SHARED_PACKAGES)
        .containsExactly("io.quiver.udf.", "org.apache.arrow.");
    assertThat(PluginClassLoader.isShared("io.quiver.udf.function.Types")).isTrue();
    assertThat(PluginClassLoader.isShared("org.apache.arrow.vector.FieldVector")).isTrue();
    assertThat(PluginClassLoader.isShared("io.quiver.udfx.Thing")).isFalse();
    assertThat(PluginClassLoader.isShared("io.quiver.engine.QuiverSession")).isFalse();
    assertThat(PluginClassLoader.isShared("org.apache.calcite.rel.RelNode")).isFalse();
  }
}
