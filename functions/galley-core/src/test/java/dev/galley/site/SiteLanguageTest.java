package dev.galley.site;

import dev.galley.article.ArticleException;
import dev.galley.article.ArticleWarning;
import dev.galley.render.SiteRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.text.DateFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** site.yaml's language: and strings: as an owner writes them: the fallback, the overrides, and what a mistake costs. */
class SiteLanguageTest {

    private static final OffsetDateTime TENTH_OF_MARCH = OffsetDateTime.of(2026, 3, 10, 9, 30, 0, 0, ZoneOffset.UTC);

    private static SiteConfig parse(String yaml) throws ArticleException {
        return SiteConfig.parse(SiteConfig.FILE_NAME, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Document page(SiteConfig site, String path) {
        return new SiteRenderer(site).indexPages(List.of()).stream().filter(file -> file.path().equals(path)).findFirst()
                .map(file -> Jsoup.parse(new String(file.bytes(), StandardCharsets.UTF_8))).orElseThrow();
    }

    @Test
    void everyShippedLanguageTranslatesEveryKeyWithTheSameArguments() {
        Set<String> keys = InterfaceText.keys();
        List<Runnable> checks = new ArrayList<>();
        for (String language : List.of("de", "fr", "es", "pt", "it", "nl", "ja")) {
            InterfaceText text = InterfaceText.of(language);
            InterfaceText english = InterfaceText.of("en");
            for (String key : keys) {
                checks.add(() -> assertEquals(null, InterfaceText.problem(key, text.pattern(key)), language + " " + key));
                // A translation fills in what the English does (a plural form may also name the count it stands for).
                TreeSet<Integer> translated = arguments(text.pattern(key));
                TreeSet<Integer> original = arguments(english.pattern(key));
                checks.add(() -> assertTrue(translated.containsAll(original)
                        && (translated.isEmpty() || translated.last() <= original.last()), language + " " + key + ": " + text.pattern(key)));
            }
            checks.add(() -> assertTrue(InterfaceText.translates(language), language));
        }
        assertAll(checks.stream().map(check -> check::run));
    }

    /** The argument numbers a pattern uses, {0} and {1}, whatever their format. */
    private static TreeSet<Integer> arguments(String pattern) {
        TreeSet<Integer> found = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d)").matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    @Test
    void englishKeepsGalleysInternationalDatesAndAmericanEnglishGetsItsOwn() {
        assertEquals("10 March 2026", InterfaceText.of("en").fullDate(TENTH_OF_MARCH));
        assertEquals("March 2026", InterfaceText.of("en").monthYear(TENTH_OF_MARCH));
        assertEquals(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.US).format(TENTH_OF_MARCH),
                InterfaceText.of("en-US").fullDate(TENTH_OF_MARCH));
        assertEquals("10 March 2026", SiteConfig.defaults().text().fullDate(TENTH_OF_MARCH));
    }

    /** Java 17 has no month-and-year skeleton; the one derived from the long date must never show the day, in any locale. */
    @Test
    void theMonthAndYearOfEveryJdkLocaleShowTheMonthAndYearButNotTheDay() {
        LocalDate seventeenth = LocalDate.of(2026, 3, 17);
        OffsetDateTime date = seventeenth.atStartOfDay().atOffset(ZoneOffset.UTC);
        List<Runnable> checks = new ArrayList<>();
        for (Locale locale : DateFormat.getAvailableLocales()) {
            if (locale.getLanguage().isEmpty() || !locale.getVariant().isEmpty() || locale.getScript().length() > 0) {
                continue;
            }
            String tag = locale.toLanguageTag();
            String shown = InterfaceText.of(tag).monthYear(date);
            String fullDate = InterfaceText.of(tag).fullDate(date);
            checks.add(() -> assertTrue(shown.contains("2026") && !shown.contains("17") && fullDate.contains("17"),
                    tag + ": \"" + shown + "\" from \"" + fullDate + "\""));
        }
        assertTrue(checks.size() > 100, "the JDK knows " + checks.size() + " locales");
        assertAll(checks.stream().map(check -> check::run));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "de, '10. März 2026', 'März 2026'",
            "ja, '2026年3月10日', '2026年3月'",
            "es, '10 de marzo de 2026', 'marzo de 2026'",
            "cs, '10. března 2026', 'březen 2026'"})
    void theMonthStandsAloneAsTheLanguageWritesItWithoutADay(String language, String fullDate, String monthYear) {
        // Spot checks of CLDR as Java 17 ships it; the suite above holds for every locale.
        InterfaceText text = InterfaceText.of(language);
        assertEquals(fullDate, text.fullDate(TENTH_OF_MARCH));
        assertEquals(monthYear, text.monthYear(TENTH_OF_MARCH));
    }

    @Test
    void aLanguageWithoutTextIsAWarningNamingItsLineAndShowsEnglishWordsWithItsOwnDates() throws ArticleException {
        SiteConfig site = parse("""
                title: Anteckningar
                baseUrl: https://example.se/
                language: sv
                """);
        assertEquals(1, site.warnings().size(), site.warnings()::toString);
        ArticleWarning warning = site.warnings().get(0);
        assertEquals(SiteConfig.FILE_NAME, warning.file());
        assertEquals(3, warning.line());
        assertEquals("language-untranslated", warning.kind());
        assertTrue(warning.reason().contains("in English") && warning.reason().contains("strings:"), warning.reason());
        assertEquals("Home", site.text().get("home"));
        assertEquals(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag("sv")).format(TENTH_OF_MARCH),
                site.text().fullDate(TENTH_OF_MARCH));
        assertEquals("sv", page(site, SiteRenderer.NOT_FOUND).selectFirst("html").attr("lang"));
    }

    @Test
    void aLanguageTheJdkDoesNotKnowEitherGetsEnglishDatesToo() throws ArticleException {
        SiteConfig site = parse("title: Blog\nlanguage: tlh\n");
        assertEquals(1, site.warnings().size());
        assertTrue(site.warnings().get(0).reason().contains("and dates too"), site.warnings().get(0).reason());
        assertEquals("10 March 2026", site.text().fullDate(TENTH_OF_MARCH));
    }

    @Test
    void aLanguageThatIsNoLanguageTagIsAWarning() throws ArticleException {
        SiteConfig site = parse("title: Blog\nlanguage: de_DE\n");
        assertEquals(List.of(2), site.warnings().stream().map(ArticleWarning::line).toList());
        assertTrue(site.warnings().get(0).reason().contains("write it like de"), site.warnings().get(0).reason());
    }

    @Test
    void shippedLanguagesAndTheirRegionsNeedNoWarning() throws ArticleException {
        for (String language : List.of("en", "en-GB", "de", "de-AT", "fr-CA", "es", "pt-BR", "pt-PT", "it", "nl-BE", "ja")) {
            assertEquals(List.of(), parse("title: Blog\nlanguage: " + language + "\n").warnings(), language);
        }
    }

    @Test
    void theOwnersTextsReplaceTheLanguagesOwnOnEveryPage() throws ArticleException {
        SiteConfig site = parse("""
                title: Gopher Notizen
                language: de
                strings:
                  home: Start
                  tags: Themen
                  readingTime: "{0} Minuten"
                  nothingPublished: Hier entsteht gerade was.
                  notFoundText: "Gibt''s nicht. Zur {0} oder zu den {1}."
                """);
        assertEquals(List.of(), site.warnings());
        Document notFound = page(site, SiteRenderer.NOT_FOUND);
        assertEquals(List.of("Start", "Themen"), notFound.select(".site-menu a").eachText());
        assertEquals("Gibt's nicht. Zur Startseite oder zu den Liste der Schlagwörter.", notFound.selectFirst(".page-lede").text());
        assertEquals("Hier entsteht gerade was.", page(site, SiteRenderer.HOME).selectFirst(".empty").text());
        assertEquals("7 Minuten", site.text().format("readingTime", 7));
        assertEquals("Themen · Gopher Notizen", page(site, SiteRenderer.TAGS).title());
    }

    @Test
    void anOwnersMarkupIsShownAsTextNotRun() throws ArticleException {
        SiteConfig site = parse("""
                title: Blog
                strings:
                  home: "<img src=x onerror=alert(1)>"
                  notFoundText: "<script>alert(1)</script> Go {0}."
                """);
        Document notFound = page(site, SiteRenderer.NOT_FOUND);
        assertTrue(notFound.select("script:not([src]):not([type=application/ld+json]), img").isEmpty(), notFound.html());
        assertEquals("<script>alert(1)</script> Go home page.", notFound.selectFirst(".page-lede").text());
        assertEquals("<img src=x onerror=alert(1)>", notFound.selectFirst(".site-menu a").text());
    }

    @Test
    void aTextGalleyCannotUseIsAWarningWithItsLineAndTheRestStay() throws ArticleException {
        SiteConfig site = parse("""
                title: Blog
                language: fr
                strings:
                  hom: Départ
                  tags: Sujets
                  readingTime: "{0 minutes"
                  search: [a, list]
                  searchNone: "{0,number} résultat"
                """);
        assertEquals(Map.of(4, true, 6, true, 7, true, 8, true),
                site.warnings().stream().collect(java.util.stream.Collectors.toMap(ArticleWarning::line, w -> w.kind().equals("interface-text-ignored"))),
                site.warnings()::toString);
        assertTrue(site.warnings().get(0).reason().contains("\"hom\" is not a text Galley shows"), site.warnings().get(0).reason());
        assertEquals("Sujets", site.text().get("tags"));
        assertEquals("Recherche", site.text().get("search"));
        assertEquals("3 min de lecture", site.text().format("readingTime", 3));
        assertFalse(site.text().pattern("searchNone").contains("number"));
    }

    @Test
    void stringsThatAreNoMappingAreOneWarning() throws ArticleException {
        SiteConfig site = parse("title: Blog\nstrings: Start\n");
        assertEquals(List.of(2), site.warnings().stream().map(ArticleWarning::line).toList());
        assertEquals("Home", site.text().get("home"));
    }
}
