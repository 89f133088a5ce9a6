package io.quiver.engine.capability;

/** One loaded (or failed) plugin as the capabilities snapshot lists it. */
public record PluginStatus(String name, String version, String abi, String status,
    String error) {}
