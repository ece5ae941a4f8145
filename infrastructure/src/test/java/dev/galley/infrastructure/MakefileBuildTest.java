package dev.galley.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infrastructure/Makefile, called the way SAM's makefile builder calls it
 * (aws-lambda-builders' CustomMakeWorkflow): the CodeUri directory is copied to a
 * scratch directory, then {@code make --makefile <original Makefile>
 * build-GalleyFunction} runs there with ARTIFACTS_DIR set. Maven is replaced by a
 * stub that records how it was called and drops a small shaded jar where the real
 * build puts galley-lambda.jar; the real Maven build of the function is not run.
 */
class MakefileBuildTest {

    @TempDir
    Path tmp;

    private Path repo;
    private Path scratch;
    private Path artifacts;
    private Path mvnLog;
    private Map<String, String> env;

    @BeforeEach
    void fakeRepositoryAndMaven() throws IOException {
        Assumptions.assumeTrue(Processes.onPath("make").isPresent(), "make is not on PATH: the SAM makefile build was NOT tried");
        repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("infrastructure"));
        Files.copy(Template.infrastructureDir().resolve("Makefile"), repo.resolve("infrastructure/Makefile"));
        Files.createDirectories(repo.resolve("functions/galley-lambda"));
        Files.writeString(repo.resolve("functions/galley-lambda/pom.xml"), "<project/>\n");

        Path shaded = tmp.resolve("staged-galley-lambda.jar");
        writeShadedJar(shaded);
        mvnLog = tmp.resolve("mvn.log");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\n"
                + "echo \"cwd=$(pwd)\" > '" + mvnLog + "'\n"
                + "echo \"args=$*\" >> '" + mvnLog + "'\n"
                + "mkdir -p functions/galley-lambda/target\n"
                + "cp '" + shaded + "' functions/galley-lambda/target/galley-lambda.jar\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        // CopySourceAction: CodeUri (".", the infrastructure directory) into the scratch directory.
        scratch = Files.createDirectories(tmp.resolve("scratch"));
        Files.copy(repo.resolve("infrastructure/Makefile"), scratch.resolve("Makefile"));
        artifacts = tmp.resolve("build/GalleyFunction");

        env = new HashMap<>();
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        env.put("PATH", bin + ":" + javaBin + ":" + System.getenv("PATH"));
        env.put("ARTIFACTS_DIR", artifacts.toString());
        env.remove("GALLEY_REPO_ROOT");
    }

    private static void writeShadedJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("dev/galley/lambda/PublishHandler.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            out.closeEntry();
            out.putNextEntry(new JarEntry("org/commonmark/parser/Parser.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            out.closeEntry();
        }
    }

    private Processes.Result make(List<String> args, Map<String, String> environment) {
        return Processes.run(Stream.concat(Stream.of("make"), args.stream()).toList(), scratch, environment, null,
                Duration.ofMinutes(2));
    }

    @Test
    void samMakefileBuildRunsMavenFromTheRepositoryRootAndUnpacksTheJarIntoArtifactsDir() throws IOException {
        Processes.Result r = make(List.of("--makefile", repo.resolve("infrastructure/Makefile").toString(),
                "build-GalleyFunction"), env);
        assertEquals(0, r.exitCode(), r.describe());

        List<String> log = Files.readAllLines(mvnLog);
        assertEquals("cwd=" + repo.toRealPath(), log.get(0).replace(repo.toString(), repo.toRealPath().toString()));
        assertEquals("args=-B -q -pl functions/galley-lambda -am package -DskipTests", log.get(1));

        // Lambda's Java .zip layout: classes at the root (what SAM zips up from ARTIFACTS_DIR).
        assertTrue(Files.isRegularFile(artifacts.resolve("dev/galley/lambda/PublishHandler.class")));
        assertTrue(Files.isRegularFile(artifacts.resolve("org/commonmark/parser/Parser.class")));
        assertTrue(Files.isRegularFile(artifacts.resolve("META-INF/MANIFEST.MF")));
    }

    @Test
    void outsideSamWithoutArtifactsDirTheTargetRefusesToRun() {
        Map<String, String> noArtifacts = new HashMap<>(env);
        noArtifacts.put("ARTIFACTS_DIR", "");
        Processes.Result r = make(List.of("--makefile", repo.resolve("infrastructure/Makefile").toString(),
                "build-GalleyFunction"), noArtifacts);
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("ARTIFACTS_DIR is not set"), r.describe());
    }

    @Test
    void anOlderSamCliWithoutMakefileFlagIsToldToSetGalleyRepoRoot() {
        // Older aws-lambda-builders ran plain "make build-X" in the scratch copy.
        Processes.Result r = make(List.of("build-GalleyFunction"), env);
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("set GALLEY_REPO_ROOT"), r.describe());

        Map<String, String> withRoot = new HashMap<>(env);
        withRoot.put("GALLEY_REPO_ROOT", repo.toString());
        Processes.Result ok = make(List.of("build-GalleyFunction"), withRoot);
        assertEquals(0, ok.exitCode(), ok.describe());
        assertTrue(Files.isRegularFile(artifacts.resolve("dev/galley/lambda/PublishHandler.class")));
    }
}
