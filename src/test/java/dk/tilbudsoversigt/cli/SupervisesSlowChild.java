package dk.tilbudsoversigt.cli;

import java.nio.file.Path;

/** A stand-in for the tool's first JVM in {@link OwnJvmTest}: starts {@link SlowToClose} as its child and waits for it as the tool does. */
public final class SupervisesSlowChild {
    private SupervisesSlowChild() {}

    public static void main(String[] args) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowToClose.class.getName(), args[0]).inheritIO().start();
        System.exit(OwnJvm.supervise(child));
    }
}
