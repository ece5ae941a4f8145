package dev.galley.highlight;

/** What a highlighted piece of code is, and the CSS class the site's stylesheet colours it by. */
public enum TokenKind {
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
    /** Annotations, decorators, attributes, shebangs, doctypes, entities, YAML tags, preprocessor lines. */
    META("tok-meta"),
    /** What a command printed, in a console transcript. */
    OUTPUT("tok-out"),
    /** A line a diff adds. */
    INSERTED("tok-ins"),
    /** A line a diff removes. */
    DELETED("tok-del");

    private final String cssClass;

    TokenKind(String cssClass) {
        this.cssClass = cssClass;
    }

    public String cssClass() {
        return cssClass;
    }
}
