package dev.galley.render;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleSummary;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site in each language Galley ships: every page a reader meets (home, an archive page, an article, a tag page,
 * the tag list, the 404 and search pages, an old URL's page) says its words in that language, and none of
 * Galley's English ones.
 */
class SiteLanguageRenderTest {

    /** Galley's English interface words, each of which would show a page was left untranslated. */
    private static final List<String> ENGLISH = List.of("Home", "Tags", "Search", "min read", "Newer", "Older", "Contents",
            "Written by", "Featured", "Read full article", "Page not found", "Articles tagged", "All articles",
            "Recent articles", "Skip to main content", "Table of contents", "More articles", "Nothing is published",
            "feed of this tag", "all tags", "Start from the", "home page", "list of tags", "Words in the title",
            "needs JavaScript", "Loading the list", "article matches", "articles match", "could not be loaded",
            "Moved to", "has moved to", "back to", "March", "February", "January");

    /** Three posts of a German-speaking Go blog, the newest with enough headings for a table of contents. */
    private static final Map<String, String> POSTS = Map.of(
            "posts/graceful-shutdown.md", """
                    ---
                    title: Sauber herunterfahren in Go
                    date: 2026-03-10
                    tags: [Go, Kubernetes]
                    author: Mara Lindqvist, Jonas Weber
                    ---
                    Ein Pod bekommt SIGTERM und hat dreißig Sekunden.

                    ## Signale

                    `signal.NotifyContext` liefert einen Kontext.

                    ## Verbindungen leeren

                    ### http.Server.Shutdown

                    Wartet, bis laufende Anfragen fertig sind.
                    """,
            "posts/pprof.md", """
                    ---
                    title: Profile mit pprof lesen
                    date: 2026-02-14
                    tags: [Go]
                    ---
                    Flammengrafiken zeigen, wo die Zeit bleibt.
                    """,
            "posts/modules.md", """
                    ---
                    title: Go-Module ohne Kummer
                    date: 2026-01-20
                    tags: [Go]
                    ---
                    Ein go.work für lokale Änderungen.
                    """);

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("de", "Startseite", "1 Min. Lesezeit", "Seite nicht gefunden", "3 Artikel"),
                Arguments.of("fr", "Accueil", "1 min de lecture", "Page introuvable", "3 articles"),
                Arguments.of("es", "Inicio", "1 min de lectura", "Página no encontrada", "3 artículos"),
                Arguments.of("pt", "Início", "1 min de leitura", "Página não encontrada", "3 artigos"),
                Arguments.of("pt-BR", "Início", "1 min de leitura", "Página não encontrada", "3 artigos"),
                Arguments.of("it", "Inizio", "1 min di lettura", "Pagina non trovata", "3 articoli"),
                Arguments.of("nl", "Start", "1 min. leestijd", "Pagina niet gevonden", "3 artikelen"),
                Arguments.of("ja", "ホーム", "1分で読めます", "ページが見つかりません", "3件の記事"));
    }

    private record Site(SiteConfig config, Map<String, String> pages) {
    }

    private static Site render(String language) throws ArticleException {
        SiteConfig config = SiteConfig.parse(SiteConfig.FILE_NAME, ("title: Gopher Notizen\npageSize: 1\nlanguage: " + language + "\n")
                .getBytes(StandardCharsets.UTF_8));
        ArticleParser parser = new ArticleParser(config);
        SiteRenderer renderer = new SiteRenderer(config);
        List<Article> articles = new ArrayList<>();
        for (Map.Entry<String, String> post : POSTS.entrySet()) {
            articles.add(parser.parse(post.getKey(), post.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        List<ArticleSummary> newestFirst = new ArrayList<>(articles.stream().map(Article::summary).toList());
        newestFirst.sort(SiteIndex.NEWEST_FIRST);
        Map<String, String> pages = new java.util.HashMap<>();
        for (SiteFile file : renderer.indexPages(newestFirst)) {
            pages.put(file.path(), new String(file.bytes(), StandardCharsets.UTF_8));
        }
        for (Article article : articles) {
            SiteFile file = renderer.article(article, SiteIndex.neighbours(newestFirst, article.summary()));
            pages.put(file.path(), new String(file.bytes(), StandardCharsets.UTF_8));
        }
        SiteFile moved = renderer.redirect("blog/old/index.html", "/articles/pprof/");
        pages.put(moved.path(), new String(moved.bytes(), StandardCharsets.UTF_8));
        return new Site(config, pages);
    }

    private static String archivePage(Map<String, String> pages, String prefix) {
        return pages.keySet().stream().filter(path -> path.startsWith(prefix) && path.endsWith(".html")).findFirst()
                .orElseThrow(() -> new AssertionError("no archive page under " + prefix + " in " + pages.keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void everyPageSpeaksTheSiteLanguageAndNoEnglish(String language, String home, String readingTime, String notFound,
                                                    String tagCount) throws ArticleException {
        Map<String, String> pages = render(language).pages();
        String article = pages.get("articles/graceful-shutdown/index.html");
        List<String> shown = List.of("index.html", archivePage(pages, "page/"), "articles/graceful-shutdown/index.html",
                "articles/pprof/index.html", "tags/go/index.html", archivePage(pages, "tags/go/page/"), "tags/index.html",
                "404.html", "search/index.html", "blog/old/index.html");
        List<Runnable> checks = new ArrayList<>();
        for (String path : shown) {
            String html = pages.get(path);
            for (String english : ENGLISH) {
                checks.add(() -> assertFalse(Pattern.compile("\\b" + Pattern.quote(english) + "\\b").matcher(html).find(),
                        path + " shows the English \"" + english + "\":\n" + html));
            }
            checks.add(() -> assertTrue(html.contains("<html lang=\"" + language + "\">"), path));
        }
        checks.add(() -> assertTrue(pages.get("index.html").contains(">" + home + "</a>"), "the menu's first link"));
        checks.add(() -> assertTrue(article.contains("<span>" + readingTime + "</span>"), article));
        checks.add(() -> assertTrue(pages.get("404.html").contains("<h1 class=\"page-title\">" + notFound + "</h1>")));
        checks.add(() -> assertTrue(pages.get("tags/index.html").contains("title=\"" + tagCount + "\""), pages.get("tags/index.html")));
        assertAll(checks.stream().map(check -> check::run));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void datesAreTheJdksOwnLongDateAndMonthInTheSiteLanguage(String language) throws ArticleException {
        Map<String, String> pages = render(language).pages();
        Locale locale = Locale.forLanguageTag(language);
        LocalDate day = LocalDate.of(2026, 3, 10);
        String longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
        String month = DateTimeFormatter.ofPattern("LLLL", locale).format(day);
        Document article = Jsoup.parse(pages.get("articles/graceful-shutdown/index.html"));
        assertEquals(longDate, article.selectFirst(".article-header time").text());
        String listed = Jsoup.parse(pages.get("index.html")).selectFirst(".entry-meta time").text();
        assertTrue(listed.contains(month) && listed.contains("2026") && !listed.contains("10"), listed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void linksInsideTranslatedSentencesStayLinks(String language) throws ArticleException {
        Map<String, String> pages = render(language).pages();
        Document notFound = Jsoup.parse(pages.get("404.html"));
        assertEquals(List.of("/", "/tags/"), notFound.select(".page-lede a").eachAttr("href"));
        Document search = Jsoup.parse(pages.get("search/index.html"));
        assertEquals(List.of("/tags/"), search.select("#search-no-script a").eachAttr("href"));
        Document article = Jsoup.parse(pages.get("articles/graceful-shutdown/index.html"));
        String byline = article.selectFirst(".byline").text();
        assertTrue(byline.contains("Mara Lindqvist") && byline.contains("Jonas Weber"), byline);
    }

    @Test
    void videosWithoutATitleOfTheirAuthorsAreNamedInTheSiteLanguage() throws ArticleException {
        SiteConfig site = SiteConfig.parse(SiteConfig.FILE_NAME, "title: Gopher Notizen\nlanguage: de\n".getBytes(StandardCharsets.UTF_8));
        Article article = new ArticleParser(site).parse("posts/vortrag.md", """
                ---
                title: Mein Vortrag auf der GopherCon
                date: 2026-03-10
                ---
                Die Aufzeichnung:

                {{< youtube dQw4w9WgXcQ >}}

                Und die Folien:

                <iframe src="https://player.vimeo.com/video/76979871" width="640" height="360"></iframe>
                """.getBytes(StandardCharsets.UTF_8));
        Document page = Jsoup.parse(new String(new SiteRenderer(site).article(article, SiteIndex.Neighbours.NONE).bytes(), StandardCharsets.UTF_8));
        assertEquals(List.of("YouTube-Video", "Eingebettetes Video"), page.select(".article-body iframe").eachAttr("title"));
    }
}
