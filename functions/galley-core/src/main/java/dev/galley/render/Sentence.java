package dev.galley.render;

import dev.galley.site.InterfaceText;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;

import java.text.AttributedCharacterIterator;
import java.text.MessageFormat;

/**
 * An interface text whose arguments are markup, such as the 404 page's "Start from the {0} or the {1}." with two
 * links: the text is escaped, as any text an owner may have written in {@code site.yaml}, and each argument is
 * the template's own content, put where the language's word order has it.
 */
public final class Sentence implements Content {

    private final InterfaceText text;
    private final String key;
    private final Content[] arguments;

    private Sentence(InterfaceText text, String key, Content[] arguments) {
        this.text = text;
        this.key = key;
        this.arguments = arguments;
    }

    public static Sentence of(InterfaceText text, String key, Content... arguments) {
        return new Sentence(text, key, arguments);
    }

    @Override
    public void writeTo(TemplateOutput output) {
        MessageFormat format = new MessageFormat(text.pattern(key), text.locale());
        // The formatter marks where each argument went; what it wrote there is a stand-in for the content.
        AttributedCharacterIterator formatted = format.formatToCharacterIterator(new Object[arguments.length]);
        StringBuilder run = new StringBuilder();
        for (char c = formatted.first(); c != AttributedCharacterIterator.DONE; c = formatted.next()) {
            Object argument = formatted.getAttribute(MessageFormat.Field.ARGUMENT);
            if (argument instanceof Integer index && index < arguments.length) {
                Escape.htmlContent(run.toString(), output);
                run.setLength(0);
                arguments[index].writeTo(output);
                formatted.setIndex(formatted.getRunLimit(MessageFormat.Field.ARGUMENT) - 1);
            } else {
                run.append(c);
            }
        }
        Escape.htmlContent(run.toString(), output);
    }
}
