package dev.galley.article.internal.highlight;

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

    private final String cssClass;
    private final String openingTag;

    TokenKind(String cssClass) {
        this.cssClass = cssClass;
        this.openingTag = "<span class=\"" + cssClass + "\">";
    }

    String cssClass() {
        return cssClass;
    }

    /** The span that opens a token: a constant, so written raw rather than escaped again for every token. */
    String openingTag() {
        return openingTag;
    }
}
