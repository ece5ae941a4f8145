package dev.galley.article.internal.highlight;

import java.util.Map;

/** What a highlighted piece of code is, and the CSS class style.css colours it by. */
enum TokenKind {
    KEYWORD("tok-kw"),
    STRING("tok-str"),
    NUMBER("tok-num"),
    COMMENT("tok-com"),
    TYPE("tok-type"),
    FUNCTION("tok-fn"),
    OPERATOR("tok-op"),
    PUNCTUATION("tok-punc"),
    TAG("tok-tag"),
    ATTRIBUTE("tok-attr"),
    KEY("tok-key"),
    VARIABLE("tok-var"),
    /** Annotations, decorators, attributes, shebangs, doctypes, entities, YAML tags. */
    META("tok-meta");

    private final Map<String, String> attributes;

    TokenKind(String cssClass) {
        this.attributes = Map.of("class", cssClass);
    }

    Map<String, String> attributes() {
        return attributes;
    }
}
