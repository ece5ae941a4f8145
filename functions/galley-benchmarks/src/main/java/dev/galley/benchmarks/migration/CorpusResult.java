package dev.galley.benchmarks.migration;

import dev.galley.benchmarks.migration.BuildOutput.Problem;
import dev.galley.benchmarks.migration.PageScan.Visible;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one corpus, filled in as its build and its pages are read. */
final class CorpusResult {

    /** A page and what it showed as text that should have been markup or template output. */
    record Leak(String file, List<Visible> found) {
    }

    /** Fenced blocks of one language: in the sources, on the built pages, and highlighted there. */
    static final class Language {
        int fences;
        int blocks;
        int highlighted;
    }

    final String name;
    String repository = "";
    String commit = "";
    /** Why the build, or reading it, failed as a whole; empty when it ran. */
    String failure = "";

    int posts;
    int published;
    int drafts;
    final List<Problem> rejectedPosts = new ArrayList<>();
    final List<Problem> rejectedOther = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();
    final List<String> unexpectedOutput = new ArrayList<>();
    /** Posts the build neither published nor refused: it said nothing about them. */
    final List<String> postsUnmentioned = new ArrayList<>();
    /** Other files the build neither published nor refused. */
    final List<String> unmentioned = new ArrayList<>();

    int pagesScanned;
    /** Sources and pages that could not be read, with the reason. */
    final List<String> unreadable = new ArrayList<>();
    final List<Leak> rawHtml = new ArrayList<>();
    final List<Leak> templateTags = new ArrayList<>();
    final Map<String, Language> languages = new TreeMap<>();

    int imagesReferenced;
    int imagesUploaded;
    int imagesResolved;
    /** "page: src" of each image that was uploaded but does not resolve in the site. */
    final List<String> imagesBroken = new ArrayList<>();
    /** "page: src" of each local image the corpus has no file for. */
    final List<String> imagesMissing = new ArrayList<>();

    CorpusResult(String name) {
        this.name = name;
    }

    Language language(String name) {
        return languages.computeIfAbsent(name, key -> new Language());
    }

    int fences() {
        return languages.values().stream().mapToInt(language -> language.fences).sum();
    }

    int highlighted() {
        return languages.values().stream().mapToInt(language -> language.highlighted).sum();
    }

    int blocks() {
        return languages.values().stream().mapToInt(language -> language.blocks).sum();
    }
}
