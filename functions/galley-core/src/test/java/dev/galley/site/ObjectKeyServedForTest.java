package dev.galley.site;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The object the CDN's viewer-request function (rewrite-index.js) serves for a path: the preview and the link check ask the same. */
class ObjectKeyServedForTest {

    @ParameterizedTest(name = "/{0} is {1}")
    @CsvSource(textBlock = """
            '',                              index.html
            articles/x/,                     articles/x/index.html
            articles/x,                      articles/x/index.html
            articles/v1.2-release,           articles/v1.2-release/index.html
            2023/06/01/Rust-1.70.0.html,     2023/06/01/Rust-1.70.0.html
            2010/01/Old.HTML,                2010/01/Old.HTML
            2015/03/01/intro-to-d3.js,       2015/03/01/intro-to-d3.js
            2021/y.json,                     2021/y.json
            media/images/flow.svg,           media/images/flow.svg
            feed.xml,                        feed.xml
            rss.xml,                         rss.xml
            index.xml,                       index.xml
            tags/c-sharp/feed.xml,           tags/c-sharp/feed.xml
            """)
    void theCdnServesAFileForAFilesEndingAndAFolderPageForAnythingElse(String path, String key) {
        assertEquals(key, SitePaths.objectKeyServedFor(path));
    }
}
