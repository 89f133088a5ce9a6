package io.quiver.engine.capability;

/** Whether native kernels can be used and are used, and why not. */
public record NativeStatus(boolean available, boolean active, String reason) {

  /** This build: there is no native module yet, every kernel runs in Java. */
  public static final NativeStatus JAVA_ONLY = new NativeStatus(false, false,
      "the native module (accel-native) is not built yet: every kernel runs in Java");
}
