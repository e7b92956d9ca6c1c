package it.ricolloca.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ricolloca started in a JVM of its own, as a deployment runs it: with its own heap size, stopped by a
 * signal, its output kept in a file under {@code target/}. For the tests that an in-process node cannot
 * make: a small heap under hostile load, what a node says and logs while starting and stopping.
 */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path output;

    private NodeProcess(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /**
     * Starts the application's main class with the test's classpath, the given maximum heap (e.g. "256m") and
     * settings (as {@code --name=value} arguments), on a free port.
     */
    public static NodeProcess start(String name, String maxHeap, Map<String, String> settings) throws IOException {
        int port = freePort();
        Path output = Path.of("target", "nodes", name + ".log").toAbsolutePath();
        Files.createDirectories(output.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=Europe/Rome", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "it.ricolloca.RicollocaApplication",
                "--server.port=" + port));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new NodeProcess(process, port, output);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the node printed so far. */
    public String output() throws IOException {
        return Files.readString(output);
    }

    /** The status of {@code /actuator/health}, or -1 while nothing answers. */
    public int health(HttpClient http) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until health answers 200, failing when the process ends or the time runs out. */
    public void awaitHealthy(HttpClient http, Duration atMost) throws Exception {
        long end = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node stopped while starting:\n" + tail());
            }
            if (health(http) == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the node did not become healthy in " + atMost + ":\n" + tail());
    }

    /** Stops the node as a service manager does (SIGTERM) and waits for it to end; returns its exit code. */
    public int stop(Duration atMost) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    public String tail() throws IOException {
        String all = output();
        return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(30));
        }
    }
}
