package fr.portailfamille.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where a bench writes its results: a Markdown section ({@code <out>/<name>.md}) and one line per
 * target in {@code <out>/summary.tsv} (bench, measured, target, verdict), which {@code bench/run}
 * assembles into {@code bench/results/<date>.md}. The output folder is the first program argument
 * (default {@code target/bench-out}).
 */
final class Report {

    private final Path dir;
    private final String name;
    private final StringBuilder md = new StringBuilder();

    Report(String[] args, String name) {
        this.dir = Path.of(args.length > 0 ? args[0] : "target/bench-out");
        this.name = name;
    }

    Report line(String text) {
        md.append(text).append('\n');
        System.out.println(text);
        return this;
    }

    /** Records a target; returns whether it is met. */
    boolean target(String bench, String measured, String target, boolean met) {
        return target(bench, measured, target, Boolean.valueOf(met));
    }

    /** Records a target, {@code met} null when the measure is not judged (e.g. a smaller run than the target's): "n/a". */
    boolean target(String bench, String measured, String target, Boolean met) {
        String verdict = met == null ? "n/a" : met ? "PASS" : "FAIL";
        append(dir.resolve("summary.tsv"), bench + "\t" + measured + "\t" + target + "\t" + verdict + "\n");
        line("");
        line("**Target:** " + target + " — measured " + measured + " → **" + verdict + "**");
        return met == null || met;
    }

    void write() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".md"), md.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(Path file, String text) {
        try {
            Files.createDirectories(dir);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
