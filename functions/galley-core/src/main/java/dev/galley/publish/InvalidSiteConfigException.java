package dev.galley.publish;

import dev.galley.article.ArticleException;

/** {@code site.yaml} cannot be read, so no page can be rendered until the author fixes it. */
public final class InvalidSiteConfigException extends RuntimeException {

    public InvalidSiteConfigException(ArticleException cause) {
        super("the site configuration is invalid, so nothing is published until it is fixed: " + cause.getMessage(), cause);
    }
}
