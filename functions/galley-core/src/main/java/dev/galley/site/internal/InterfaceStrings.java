package dev.galley.site.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Galley's interface text as shipped in the jar: {@code strings.properties} (English) under the file of the
 * site's language and, more specific still, of its region ({@code strings_pt.properties}, then
 * {@code strings_pt_BR.properties}). Each language is read once per JVM, and only the site's: a plain
 * {@link Properties} read rather than ResourceBundle, which would also fall back to the JVM's own locale.
 */
public final class InterfaceStrings {

    private static final String BASE = "/dev/galley/site/strings";
    private static final Map<String, Map<String, String>> BY_LANGUAGE = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> SHIPPED = new ConcurrentHashMap<>();

    private InterfaceStrings() {
    }

    /** Every key, with its text in this language where the jar has it and in English otherwise. */
    public static Map<String, String> of(Locale locale) {
        return BY_LANGUAGE.computeIfAbsent(locale.toLanguageTag(), tag -> {
            Map<String, String> strings = new HashMap<>(read(BASE));
            if (!locale.getLanguage().isEmpty()) {
                strings.putAll(read(BASE + "_" + locale.getLanguage()));
                if (!locale.getCountry().isEmpty()) {
                    strings.putAll(read(BASE + "_" + locale.getLanguage() + "_" + locale.getCountry()));
                }
            }
            return Map.copyOf(strings);
        });
    }

    /** Whether the jar translates the interface into this language: English always, others when it has their file. */
    public static boolean shipped(Locale locale) {
        String language = locale.getLanguage();
        return language.isEmpty() || language.equals("en")
                || SHIPPED.computeIfAbsent(language, l -> InterfaceStrings.class.getResource(BASE + "_" + l + ".properties") != null);
    }

    private static Map<String, String> read(String name) {
        try (InputStream in = InterfaceStrings.class.getResourceAsStream(name + ".properties")) {
            if (in == null) {
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> strings = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> strings.put(key, properties.getProperty(key)));
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ".properties from the jar", e);
        }
    }
}
