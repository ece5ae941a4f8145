package dev.galley.article.internal.templates;

import org.commonmark.node.CustomBlock;

/** A YouTube or Vimeo player, from {@code {{< youtube ID >}}} or {@code {{< vimeo ID >}}}. */
final class VideoEmbed extends CustomBlock {

    /** The player's URL, built from a validated ID. */
    final String playerUrl;
    final String title;

    VideoEmbed(String playerUrl, String title) {
        this.playerUrl = playerUrl;
        this.title = title;
    }
}
