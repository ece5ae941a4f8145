package dev.galley.article.internal.templates;

import org.commonmark.node.CustomBlock;

/** An image with a caption, from {@code {{< figure src= alt= caption= link= >}}}; empty strings for what is not given. */
final class FigureEmbed extends CustomBlock {

    final String src;
    final String alt;
    final String caption;
    final String link;
    final String width;
    final String height;

    FigureEmbed(String src, String alt, String caption, String link, String width, String height) {
        this.src = src;
        this.alt = alt;
        this.caption = caption;
        this.link = link;
        this.width = width;
        this.height = height;
    }
}
