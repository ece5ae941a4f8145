package dev.galley.site;

import dev.galley.article.ArticleSummary;

import java.util.List;

/**
 * One page of a listing: the home page, a tag's page, or one of their archive pages.
 *
 * @param path  the page's folder from the site root: {@code ""} for the home page, {@code tags/go/},
 *              {@code page/some-slug/}; its file is {@code path + "index.html"}
 * @param newer the folder of the page with newer articles, or null on the first page
 * @param older the folder of the page with older articles, or null on the last page
 */
public record ListingPage(String path, List<ArticleSummary> articles, String newer, String older) {

    public ListingPage {
        articles = List.copyOf(articles);
    }

    public String file() {
        return path + "index.html";
    }

    public boolean isFirst() {
        return newer == null;
    }
}
